import numpy as np


def logistic_gd_step(w, b, X, y, lr):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[1] != len(w) or len(X) != len(y):
        raise ValueError("shapes do not match")
    p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    error = p - y  # gradient of the mean log loss with respect to the logits, times n
    grad_w = X.T @ error / len(y)
    grad_b = error.mean()
    return (w - lr * grad_w).tolist(), float(b - lr * grad_b)
