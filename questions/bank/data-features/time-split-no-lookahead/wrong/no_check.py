import pandas as pd


def time_split(rows, cutoff):
    cutoff = pd.Timestamp(cutoff)
    ordered = rows.sort_values("observed_at", kind="stable")
    train = ordered[ordered["label_at"] < cutoff]
    test = ordered[ordered["observed_at"] >= cutoff]
    return train.reset_index(drop=True), test.reset_index(drop=True)
