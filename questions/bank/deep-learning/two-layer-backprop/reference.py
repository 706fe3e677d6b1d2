import numpy as np
from scipy.special import log_softmax


def two_layer_backprop(X, y, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    labels = np.asarray(y)
    if X.ndim != 2 or len(X) == 0 or W1.ndim != 2 or W2.ndim != 2 or b1.ndim != 1 or b2.ndim != 1:
        raise ValueError("X, W1 and W2 must be 2-D (X with at least one row), b1 and b2 1-D")
    n, d = X.shape
    h, k = W2.shape
    if W1.shape != (d, h) or b1.shape != (h,) or b2.shape != (k,) or labels.shape != (n,):
        raise ValueError("shapes do not fit together")
    if labels.dtype.kind not in "iu" or labels.min() < 0 or labels.max() >= k:
        raise ValueError("labels must be integers in 0 .. k-1")
    Z1 = X @ W1 + b1
    H = np.maximum(Z1, 0.0)
    Z2 = H @ W2 + b2
    log_p = log_softmax(Z2, axis=1)
    loss = -log_p[np.arange(n), labels].mean()
    dZ2 = np.exp(log_p)
    dZ2[np.arange(n), labels] -= 1.0
    dZ2 /= n
    dH = dZ2 @ W2.T
    dZ1 = dH * (Z1 > 0)
    return {"loss": float(loss), "W1": (X.T @ dZ1).tolist(), "b1": dZ1.sum(axis=0).tolist(),
            "W2": (H.T @ dZ2).tolist(), "b2": dZ2.sum(axis=0).tolist()}
