import numpy as np


def attention(Q, K, V, mask=None):
    """Gives masked scores a large finite negative number instead of -inf: fine until the allowed scores are
    even lower."""
    Q, K, V = np.asarray(Q, dtype=float), np.asarray(K, dtype=float), np.asarray(V, dtype=float)
    if Q.ndim != 2 or K.ndim != 2 or V.ndim != 2 or 0 in Q.shape + K.shape + V.shape:
        raise ValueError("Q, K and V must be non-empty 2-D arrays")
    if Q.shape[1] != K.shape[1] or K.shape[0] != V.shape[0]:
        raise ValueError("shapes do not fit")
    scores = Q @ K.T / np.sqrt(Q.shape[1])
    if mask is not None:
        allowed = np.asarray(mask, dtype=bool)
        if allowed.shape != scores.shape or not allowed.any(axis=1).all():
            raise ValueError("bad mask")
        scores = np.where(allowed, scores, -1e4)
    exp = np.exp(scores - scores.max(axis=1, keepdims=True))
    weights = exp / exp.sum(axis=1, keepdims=True)
    return {"weights": weights.tolist(), "output": (weights @ V).tolist()}
