import numpy as np


def _average_ranks(values):
    ranks = np.empty(len(values))
    for i, v in enumerate(values):
        ranks[i] = np.sum(values < v) + (np.sum(values == v) + 1) / 2
    return ranks


def spearman(x, y):
    # Never checks its input: pairs are silently truncated to the shorter sample, and n < 2 gives NaN.
    n = min(len(x), len(y))
    x, y = np.asarray(x, dtype=float)[:n], np.asarray(y, dtype=float)[:n]
    rx, ry = _average_ranks(x), _average_ranks(y)
    rx, ry = rx - rx.mean() if n else rx, ry - ry.mean() if n else ry
    denominator = np.sqrt(np.sum(rx * rx) * np.sum(ry * ry))
    return float(np.sum(rx * ry) / denominator) if denominator else float("nan")
