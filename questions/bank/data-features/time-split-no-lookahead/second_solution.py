from datetime import datetime

import pandas as pd


def time_split(rows, cutoff):
    """Positions chosen in plain Python (sorted() is stable), then taken from the frame with iloc."""
    cutoff = datetime.fromisoformat(cutoff)
    observed = rows["observed_at"].dt.to_pydatetime().tolist()
    labelled = rows["label_at"].dt.to_pydatetime().tolist()
    if any(l < o for o, l in zip(observed, labelled)):
        raise ValueError("label_at precedes observed_at")
    by_time = sorted(range(len(rows)), key=lambda i: observed[i])
    train = [i for i in by_time if labelled[i] < cutoff]
    test = [i for i in by_time if observed[i] >= cutoff]
    return rows.iloc[train].reset_index(drop=True), rows.iloc[test].reset_index(drop=True)
