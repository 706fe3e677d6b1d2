import pandas as pd


def impute_missing(train, test):
    fills = {}
    for column in train.columns:
        observed = train[column].dropna()
        if train[column].dtype.kind == "f":
            fills[column] = observed.median() if len(observed) else 0.0
        elif train[column].dtype.kind == "O":
            # Ties go to whichever value was counted first, not to the one that sorts first.
            fills[column] = observed.value_counts().index[0] if len(observed) else "unknown"
    return train.fillna(fills), test.fillna(fills)
