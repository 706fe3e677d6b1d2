import pandas as pd


def add_rolling_mean(events, window):
    """A copy of events with rolling_mean: the mean of the same entity's previous `window` values."""
    raise NotImplementedError
