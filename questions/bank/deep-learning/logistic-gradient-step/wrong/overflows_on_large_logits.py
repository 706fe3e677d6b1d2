import math


def logistic_gd_step(w, b, X, y, lr):
    # Wrong: 1 / (1 + math.exp(-z)) raises OverflowError for a logit z below about -710.
    if not X or any(not isinstance(row, list) or len(row) != len(w) for row in X) or len(X) != len(y):
        raise ValueError("shapes do not match")
    n = len(X)
    errors = [1.0 / (1.0 + math.exp(-(sum(a * c for a, c in zip(row, w)) + b))) - t for row, t in zip(X, y)]
    grad_w = [sum(row[j] * e for row, e in zip(X, errors)) / n for j in range(len(w))]
    return [wj - lr * g for wj, g in zip(w, grad_w)], b - lr * sum(errors) / n
