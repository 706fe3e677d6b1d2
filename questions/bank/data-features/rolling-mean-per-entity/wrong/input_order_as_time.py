import pandas as pd


def add_rolling_mean(events, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    previous = events.groupby("entity")["value"].shift(1)  # assumes the rows are already in time order
    means = previous.groupby(events["entity"]).rolling(window, min_periods=1).mean()
    result = events.copy()
    result["rolling_mean"] = means.reset_index(level=0, drop=True)
    return result
