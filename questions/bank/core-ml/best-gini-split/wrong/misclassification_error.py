import numpy as np


def best_split(X, y, *, min_samples_leaf=1):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or len(y) != len(X) or min_samples_leaf < 1:
        raise ValueError("X must be a 2-D matrix, y one label per row, min_samples_leaf >= 1")
    n = len(X)
    classes, codes = np.unique(y, return_inverse=True)
    one_hot = np.eye(len(classes))[codes]  # n x classes
    best = None
    for j in range(X.shape[1]):
        order = np.argsort(X[:, j])
        values = X[order, j]
        left_counts = np.cumsum(one_hot[order], axis=0)  # row i: class counts of the first i + 1 sorted rows
        right_counts = left_counts[-1] - left_counts
        for i in range(n - 1):
            n_left = i + 1
            # A threshold fits only between two different values, and both children need enough rows.
            if values[i] == values[i + 1] or n_left < min_samples_leaf or n - n_left < min_samples_leaf:
                continue
            # n·(weighted Gini) = n_left·(1 − Σ p²) + n_right·(1 − Σ q²) = n − Σ L²/n_left − Σ R²/n_right
            impurity = (n_left - left_counts[i].max() + (n - n_left) - right_counts[i].max()) / n
            if best is None or impurity < best["impurity"] - 1e-12:
                best = {"feature": j, "threshold": (values[i] + values[i + 1]) / 2, "impurity": impurity}
    return best
