import pandas as pd


def add_rolling_mean(events, window):
    ordered = events.sort_values(["entity", "timestamp"])
    previous = ordered.groupby("entity")["value"].shift(1)
    means = previous.groupby(ordered["entity"]).rolling(max(window, 1), min_periods=1).mean()
    result = events.copy()
    result["rolling_mean"] = means.reset_index(level=0, drop=True)
    return result
