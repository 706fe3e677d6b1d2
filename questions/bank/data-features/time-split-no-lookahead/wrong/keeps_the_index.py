import pandas as pd


def time_split(rows, cutoff):
    cutoff = pd.Timestamp(cutoff)
    if (rows["label_at"] < rows["observed_at"]).any():
        raise ValueError("a label is known before its row was observed")
    ordered = rows.sort_values("observed_at", kind="stable")
    return ordered[ordered["label_at"] < cutoff], ordered[ordered["observed_at"] >= cutoff]
