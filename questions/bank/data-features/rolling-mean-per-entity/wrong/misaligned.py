import pandas as pd


def add_rolling_mean(events, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    ordered = events.sort_values(["entity", "timestamp"])
    previous = ordered.groupby("entity")["value"].shift(1)
    means = previous.groupby(ordered["entity"]).rolling(window, min_periods=1).mean()
    result = events.copy()
    result["rolling_mean"] = means.to_numpy()  # in group order, pasted onto the rows in input order
    return result
