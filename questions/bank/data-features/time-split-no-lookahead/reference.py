import pandas as pd


def time_split(rows, cutoff):
    cutoff = pd.Timestamp(cutoff)
    if (rows["label_at"] < rows["observed_at"]).any():
        raise ValueError("a label is known before its row was observed")
    ordered = rows.sort_values("observed_at", kind="stable")  # quicksort would shuffle equal timestamps
    train = ordered[ordered["label_at"] < cutoff]  # the label, not only the features, must predate the cutoff
    test = ordered[ordered["observed_at"] >= cutoff]
    return train.reset_index(drop=True), test.reset_index(drop=True)
