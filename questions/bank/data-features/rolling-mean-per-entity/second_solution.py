import math

import pandas as pd


def add_rolling_mean(events, window):
    """Plain Python: each entity's rows in time order, a window over the earlier values."""
    if window < 1:
        raise ValueError("window must be at least 1")
    entities = events["entity"].tolist()
    times = events["timestamp"].tolist()
    values = events["value"].tolist()
    by_entity = {}
    for position, entity in enumerate(entities):
        by_entity.setdefault(entity, []).append(position)
    means = [math.nan] * len(events)
    for positions in by_entity.values():
        positions.sort(key=lambda p: times[p])
        for k, position in enumerate(positions):
            earlier = [values[p] for p in positions[max(0, k - window):k] if not math.isnan(values[p])]
            if earlier:
                means[position] = sum(earlier) / len(earlier)
    result = events.copy()
    result["rolling_mean"] = pd.Series(means, index=events.index, dtype="float64")
    return result
