import numpy as np


def _average_ranks(values):
    """Ranks 1..n in increasing order; tied values get the mean of the ranks they span."""
    order = np.argsort(values)
    ordered = values[order]
    # Each run of equal values fills sorted positions start..end-1, i.e. ranks start+1..end: their mean
    # is (start + 1 + end) / 2, whatever order the tied values were sorted in.
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], len(values)]
    ranks = np.empty(len(values))
    ranks[order] = np.repeat((starts + 1 + ends) / 2, ends - starts)
    return ranks


def spearman(x, y):
    x, y = np.asarray(x), np.asarray(y)
    if len(x) != len(y):
        raise ValueError("x and y differ in length")
    if len(x) < 2:
        raise ValueError("need at least 2 pairs")
    # Centre the ranks (their mean is (n + 1) / 2) and take the Pearson correlation. A constant sample has
    # every centred rank 0, so this is 0 / 0 = NaN: the correlation is undefined, as the task asks.
    rx = _average_ranks(x) - (len(x) + 1) / 2
    ry = _average_ranks(y) - (len(y) + 1) / 2
    with np.errstate(invalid="ignore"):
        return np.sum(rx * ry) / np.sqrt(np.sum(rx * rx) * np.sum(ry * ry))
