"""Plain Python, one example at a time: accumulate each example's gradient, then divide by n."""
import math


def _matrix(a):
    try:
        rows = [[float(v) for v in row] for row in a]
    except TypeError:
        raise ValueError("expected a 2-D matrix") from None
    if any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("rows of different lengths")
    return rows


def _vector(a):
    try:
        return [float(v) for v in a]
    except TypeError:
        raise ValueError("expected a 1-D vector") from None


def two_layer_backprop(X, y, W1, b1, W2, b2):
    X, W1, W2 = _matrix(X), _matrix(W1), _matrix(W2)
    b1, b2 = _vector(b1), _vector(b2)
    labels = list(y.tolist() if hasattr(y, "tolist") else y)
    if not X:
        raise ValueError("X needs at least one row")
    n, d, h, k = len(X), len(X[0]), len(b1), len(b2)
    if len(W1) != d or any(len(r) != h for r in W1) or len(W2) != h or any(len(r) != k for r in W2):
        raise ValueError("weight shapes do not fit")
    if len(labels) != n:
        raise ValueError("y must have one label per row of X")
    for label in labels:
        if type(label) is not int or not 0 <= label < k:
            raise ValueError("labels must be integers in 0 .. k-1")
    gW1 = [[0.0] * h for _ in range(d)]
    gb1 = [0.0] * h
    gW2 = [[0.0] * k for _ in range(h)]
    gb2 = [0.0] * k
    total = 0.0
    for x, label in zip(X, labels):
        z1 = [b1[j] + sum(x[i] * W1[i][j] for i in range(d)) for j in range(h)]
        a = [max(z, 0.0) for z in z1]
        z2 = [b2[c] + sum(a[j] * W2[j][c] for j in range(h)) for c in range(k)]
        top = max(z2)
        log_norm = top + math.log(sum(math.exp(z - top) for z in z2))
        total += log_norm - z2[label]
        g2 = [math.exp(z - log_norm) - (c == label) for c, z in enumerate(z2)]  # dloss/dz2 for this example
        g1 = [sum(W2[j][c] * g2[c] for c in range(k)) if z1[j] > 0 else 0.0 for j in range(h)]
        for c in range(k):
            gb2[c] += g2[c]
            for j in range(h):
                gW2[j][c] += a[j] * g2[c]
        for j in range(h):
            gb1[j] += g1[j]
            for i in range(d):
                gW1[i][j] += x[i] * g1[j]
    scale = 1.0 / n
    return {
        "loss": total * scale,
        "W1": [[v * scale for v in row] for row in gW1],
        "b1": [v * scale for v in gb1],
        "W2": [[v * scale for v in row] for row in gW2],
        "b2": [v * scale for v in gb2],
    }
