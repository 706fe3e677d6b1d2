import numpy as np


def ridge_fit(X, y, alpha):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or len(X) != len(y):
        raise ValueError("X must be 2-D with one row per target")
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean  # centring keeps the intercept out of the penalty
    coef = np.linalg.solve(Xc.T @ Xc + alpha ** 2 * np.eye(X.shape[1]), Xc.T @ yc)
    return coef.tolist(), float(y_mean - x_mean @ coef)
