import numpy as np


def _average_ranks(values):
    ranks = np.empty(len(values))
    for i, v in enumerate(values):
        ranks[i] = np.sum(values < v) + (np.sum(values == v) + 1) / 2
    return ranks


def spearman(x, y):
    # Treats values that are merely close as tied (rounds to 6 decimals first): 0.1 + 0.2 and 0.3 become equal.
    x, y = np.round(np.asarray(x, dtype=float), 6), np.round(np.asarray(y, dtype=float), 6)
    if len(x) != len(y) or len(x) < 2:
        raise ValueError("bad input")
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    return float(np.corrcoef(_average_ranks(x), _average_ranks(y))[0, 1])
