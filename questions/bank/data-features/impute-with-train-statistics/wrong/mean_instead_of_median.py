import pandas as pd


def impute_missing(train, test):
    fills = {}
    for column in train.columns:
        observed = train[column].dropna()
        if train[column].dtype.kind == "f":
            fills[column] = observed.mean() if len(observed) else 0.0
        elif train[column].dtype.kind == "O":
            fills[column] = observed.mode().iloc[0] if len(observed) else "unknown"
    return train.fillna(fills), test.fillna(fills)
