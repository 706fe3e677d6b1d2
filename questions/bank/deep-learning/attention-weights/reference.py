import numpy as np
from scipy.special import softmax


def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(m, dtype=float) for m in (Q, K, V))
    if any(m.ndim != 2 or m.size == 0 for m in (Q, K, V)):
        raise ValueError("Q, K and V must be non-empty 2-D matrices")
    if Q.shape[1] != K.shape[1] or K.shape[0] != V.shape[0]:
        raise ValueError("shapes do not fit together")
    scores = Q @ K.T / np.sqrt(Q.shape[1])
    if mask is not None:
        mask = np.asarray(mask, dtype=bool)
        if mask.shape != scores.shape:
            raise ValueError("the mask must be n_q x n_k")
        if not mask.any(axis=1).all():
            raise ValueError("a query may attend to no key")
        scores = np.where(mask, scores, -np.inf)
    weights = softmax(scores, axis=1)
    return {"weights": weights.tolist(), "output": (weights @ V).tolist()}
