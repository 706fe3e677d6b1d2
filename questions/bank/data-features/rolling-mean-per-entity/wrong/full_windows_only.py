import pandas as pd


def add_rolling_mean(events, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    ordered = events.sort_values(["entity", "timestamp"])
    previous = ordered.groupby("entity")["value"].shift(1)
    means = previous.groupby(ordered["entity"]).rolling(window).mean()  # NaN until a full window of values
    result = events.copy()
    result["rolling_mean"] = means.reset_index(level=0, drop=True)
    return result
