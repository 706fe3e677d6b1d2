import pandas as pd


def impute_missing(train, test):
    fills = {}  # learned from train alone, then applied to both frames
    for column in train.columns:
        observed = train[column].dropna()
        if train[column].dtype.kind == "f":
            fills[column] = observed.median() if len(observed) else 0.0
        elif train[column].dtype.kind == "O":  # object and str columns
            # mode() returns every most frequent value, sorted: the first one breaks ties.
            fills[column] = observed.mode().iloc[0] if len(observed) else "unknown"
    return train.fillna(fills), test.fillna(fills)
