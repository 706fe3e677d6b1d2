import numpy as np


def ridge_fit(X, y, alpha):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or len(X) != len(y) or alpha < 0:
        raise ValueError("bad input")
    Xb = np.hstack([X, np.ones((len(X), 1))])
    w = np.linalg.solve(Xb.T @ Xb + alpha * np.eye(Xb.shape[1]), Xb.T @ y)
    return w[:-1].tolist(), float(w[-1])
