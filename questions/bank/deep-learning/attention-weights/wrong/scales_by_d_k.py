import numpy as np


def attention(Q, K, V, mask=None):
    Q, K, V = np.asarray(Q, dtype=float), np.asarray(K, dtype=float), np.asarray(V, dtype=float)
    if Q.ndim != 2 or K.ndim != 2 or V.ndim != 2 or 0 in Q.shape + K.shape + V.shape:
        raise ValueError("Q, K and V must be non-empty 2-D matrices")
    scores = Q @ K.T / Q.shape[1]  # @ raises ValueError when Q and K have different d_k
    allowed = np.ones(scores.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    if allowed.shape != scores.shape:
        raise ValueError(f"the mask must have shape {scores.shape}")
    if not allowed.any(axis=1).all():
        raise ValueError("the mask blocks every key for some query")
    scores = np.where(allowed, scores, -np.inf)
    # Subtracting each row's largest allowed score keeps exp() in range; blocked entries give exp(-inf) = 0.
    exps = np.exp(scores - scores.max(axis=1, keepdims=True))
    weights = exps / exps.sum(axis=1, keepdims=True)
    return {"weights": weights, "output": weights @ V}  # ValueError when K and V have different row counts
