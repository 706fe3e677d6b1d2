import numpy as np


def logsumexp(x, axis=None):
    # Subtracts the maximum but never adds it back.
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("x has no entries")
    if axis is not None and not -x.ndim <= axis < x.ndim:
        raise ValueError("bad axis")
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):
        result = np.log(np.sum(np.exp(x - m), axis=axis))
    return float(result) if np.ndim(result) == 0 else result.tolist()
