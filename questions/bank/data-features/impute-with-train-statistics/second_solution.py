import math
import statistics
from collections import Counter

import pandas as pd


def _missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def _fill(frame, column, value):
    filled = [value if _missing(v) else v for v in frame[column].tolist()]
    return pd.Series(filled, index=frame.index, dtype=frame[column].dtype)


def impute_missing(train, test):
    """Plain Python statistics (statistics.median, a Counter), column by column."""
    train_filled, test_filled = train.copy(), test.copy()
    for column in train.columns:
        dtype = train[column].dtype
        observed = [v for v in train[column].tolist() if not _missing(v)]
        if pd.api.types.is_float_dtype(dtype):
            value = statistics.median(observed) if observed else 0.0
        elif pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype):
            counts = Counter(observed)
            top = max(counts.values(), default=0)
            value = min(v for v, n in counts.items() if n == top) if observed else "unknown"
        else:
            continue
        train_filled[column] = _fill(train, column, value)
        test_filled[column] = _fill(test, column, value)
    return train_filled, test_filled
