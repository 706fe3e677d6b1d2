import numpy as np


def _average_ranks(values):
    ranks = np.empty(len(values))
    for i, v in enumerate(values):
        ranks[i] = np.sum(values < v) + (np.sum(values == v) + 1) / 2
    return ranks


def spearman(x, y):
    # Returns 0.0 for a constant sample, claiming "no correlation" where the correlation is undefined.
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if len(x) != len(y) or len(x) < 2:
        raise ValueError("bad input")
    rx, ry = _average_ranks(x), _average_ranks(y)
    rx, ry = rx - rx.mean(), ry - ry.mean()
    denominator = np.sqrt(np.sum(rx * rx) * np.sum(ry * ry))
    return float(np.sum(rx * ry) / denominator) if denominator else 0.0
