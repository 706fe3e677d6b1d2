import pandas as pd


def add_rolling_mean(events, window):
    if window < 1:
        raise ValueError("window must be at least 1")
    ordered = events.sort_values(["entity", "timestamp"])
    # Shift inside each entity: the window ends just before the row, and never reaches another entity.
    previous = ordered.groupby("entity")["value"].shift(1)
    means = previous.groupby(ordered["entity"]).rolling(window, min_periods=1).mean()
    result = events.copy()
    result["rolling_mean"] = means.reset_index(level=0, drop=True)  # back onto the original rows by index
    return result
