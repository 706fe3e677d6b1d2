import math
from collections import Counter


def _ranks(values):
    """Average ranks by counting: a value's rank is the number of smaller values plus the mean position
    among its equals."""
    counts = Counter(values)
    below, rank_of = 0, {}
    for value in sorted(counts):
        rank_of[value] = below + (counts[value] + 1) / 2
        below += counts[value]
    return [rank_of[v] for v in values]


def spearman(x, y):
    x, y = [float(v) for v in x], [float(v) for v in y]
    if len(x) != len(y):
        raise ValueError("x and y differ in length")
    if len(x) < 2:
        raise ValueError("need at least 2 pairs")
    if len(set(x)) == 1 or len(set(y)) == 1:
        return float("nan")
    rx, ry = _ranks(x), _ranks(y)
    mx, my = math.fsum(rx) / len(rx), math.fsum(ry) / len(ry)
    covariance = math.fsum((a - mx) * (b - my) for a, b in zip(rx, ry))
    spread = math.sqrt(math.fsum((a - mx) ** 2 for a in rx) * math.fsum((b - my) ** 2 for b in ry))
    return covariance / spread
