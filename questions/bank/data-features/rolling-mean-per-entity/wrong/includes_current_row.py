import pandas as pd


def add_rolling_mean(events, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    ordered = events.sort_values(["entity", "timestamp"])
    means = ordered.groupby("entity")["value"].rolling(window, min_periods=1).mean()  # the row's own value leaks
    result = events.copy()
    result["rolling_mean"] = means.reset_index(level=0, drop=True)
    return result
