import pandas as pd


def add_rolling_mean(events, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    ordered = events.sort_values(["entity", "timestamp"])
    previous = ordered.groupby("entity")["value"].shift(1)
    filled = previous.where(previous.isna() & (ordered.groupby("entity").cumcount() == 0), previous.fillna(0.0))
    means = filled.groupby(ordered["entity"]).rolling(window, min_periods=1).mean()
    result = events.copy()
    result["rolling_mean"] = means.reset_index(level=0, drop=True)
    return result
