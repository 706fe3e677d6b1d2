import numpy as np


def spearman(x, y):
    # Uses argsort as the ranks: argsort gives the positions in sorted order, not each value's rank.
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) != len(y) or len(x) < 2:
        raise ValueError("bad input")
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    return float(np.corrcoef(np.argsort(x), np.argsort(y))[0, 1])
