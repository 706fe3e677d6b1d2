import numpy as np


def _average_ranks(values):
    ranks = np.empty(len(values))
    for i, v in enumerate(values):
        ranks[i] = np.sum(values < v) + (np.sum(values == v) + 1) / 2
    return ranks


def spearman(x, y):
    # 1 - 6·Σd² / (n(n² - 1)) with average ranks: exact without ties, wrong as soon as there are ties.
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) != len(y) or len(x) < 2:
        raise ValueError("bad input")
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    d = _average_ranks(x) - _average_ranks(y)
    n = len(x)
    return float(1 - 6 * np.sum(d * d) / (n * (n * n - 1)))
