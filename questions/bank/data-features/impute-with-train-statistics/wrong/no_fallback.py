import pandas as pd


def impute_missing(train, test):
    fills = {}
    for column in train.columns:
        observed = train[column].dropna()
        if train[column].dtype.kind == "f":
            fills[column] = observed.median()  # NaN when train has no value: nothing gets filled
        elif train[column].dtype.kind == "O" and len(observed):
            fills[column] = observed.mode().iloc[0]
    return train.fillna(fills), test.fillna(fills)
