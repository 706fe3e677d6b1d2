import numpy as np


def two_layer_backprop(X, y, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    y = np.asarray(y)
    if X.ndim != 2 or b1.ndim != 1 or b2.ndim != 1:
        raise ValueError("X must be a 2-D matrix, b1 and b2 vectors")
    if W1.shape != (X.shape[1], len(b1)) or W2.shape != (len(b1), len(b2)) or y.shape != (len(X),):
        raise ValueError("the shapes of X, y, W1, b1, W2 and b2 do not fit together")
    if y.dtype.kind not in "iu" or y.min() < 0 or y.max() >= len(b2):
        raise ValueError("labels must be integers in 0 .. k-1")
    n, rows = len(X), np.arange(len(X))
    # forward
    Z1 = X @ W1 + b1
    H = np.maximum(Z1, 0.0)
    Z2 = H @ W2 + b2
    shifted = Z2
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[rows, y].mean()
    # backward: d(mean cross-entropy)/dZ2 = (softmax - one_hot) / n
    dZ2 = np.exp(log_p)
    dZ2[rows, y] -= 1.0
    dZ2 /= n
    dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
    return {"loss": loss, "W1": X.T @ dZ1, "b1": dZ1.sum(axis=0), "W2": H.T @ dZ2, "b2": dZ2.sum(axis=0)}
