"""Trusted oracle: every feature and midpoint tried in order, each split's children counted directly."""
import numpy as np


def _gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return 1.0 - float(np.sum(p * p))


def best_split(X, y, *, min_samples_leaf=1):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError("X must be a 2-D matrix with at least one row")
    if y.shape != (X.shape[0],):
        raise ValueError("y needs one label per row of X")
    if min_samples_leaf < 1:
        raise ValueError("min_samples_leaf must be at least 1")
    n = len(y)
    best = None
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for low, high in zip(values[:-1], values[1:]):
            threshold = (low + high) / 2
            left = X[:, j] <= threshold
            n_left = int(left.sum())
            if n_left < min_samples_leaf or n - n_left < min_samples_leaf:
                continue
            impurity = n_left / n * _gini(y[left]) + (n - n_left) / n * _gini(y[~left])
            if best is None or impurity < best["impurity"] - 1e-12:
                best = {"feature": j, "threshold": float(threshold), "impurity": impurity}
    return best
