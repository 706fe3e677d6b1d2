import math


def _sigmoid(z):
    # Two forms, so that exp never overflows: for z >= 0, exp(-z) <= 1; for z < 0, exp(z) < 1.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def logistic_gd_step(w, b, X, y, lr):
    # Plain Python loops over the rows.
    w, y = [float(v) for v in w], [float(v) for v in y]
    try:
        rows = [[float(v) for v in row] for row in X]
    except TypeError:  # a row that is a number: X is not 2-D
        raise ValueError("X must be a 2-D matrix") from None
    if len(rows) != len(y) or any(len(row) != len(w) for row in rows):
        raise ValueError("X must be n x d with len(w) == d and len(y) == n")
    n = len(rows)
    grad_w, grad_b = [0.0] * len(w), 0.0
    for row, target in zip(rows, y):
        error = _sigmoid(sum(a * c for a, c in zip(row, w)) + b) - target
        for j, value in enumerate(row):
            grad_w[j] += value * error / n
        grad_b += error / n
    return [wj - lr * gj for wj, gj in zip(w, grad_w)], float(b - lr * grad_b)
