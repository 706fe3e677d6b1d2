"""Plain Python: try every threshold of every feature and count the children's classes directly."""
from collections import Counter


def _weighted_gini(groups, n):
    total = 0.0
    for labels in groups:
        counts = Counter(labels)
        size = len(labels)
        total += size / n * (1.0 - sum((c / size) ** 2 for c in counts.values()))
    return total


def best_split(X, y, *, min_samples_leaf=1):
    try:
        rows = [[float(v) for v in row] for row in X]
    except TypeError:  # a row that is a single number: X is 1-D
        raise ValueError("X must be a 2-D matrix") from None
    labels = list(y.tolist() if hasattr(y, "tolist") else y)
    if not rows or any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("X must be a 2-D matrix with at least one row")
    if len(labels) != len(rows):
        raise ValueError("y needs one label per row of X")
    if min_samples_leaf < 1:
        raise ValueError("min_samples_leaf must be at least 1")
    n, best = len(rows), None
    for j in range(len(rows[0])):
        values = sorted({row[j] for row in rows})
        for low, high in zip(values, values[1:]):
            t = (low + high) / 2
            left = [label for row, label in zip(rows, labels) if row[j] <= t]
            right = [label for row, label in zip(rows, labels) if row[j] > t]
            if min(len(left), len(right)) < min_samples_leaf:
                continue
            impurity = _weighted_gini([left, right], n)
            if best is None or impurity < best["impurity"] - 1e-12:
                best = {"feature": j, "threshold": t, "impurity": impurity}
    return best
