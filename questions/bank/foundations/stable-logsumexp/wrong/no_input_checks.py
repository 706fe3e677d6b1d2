import numpy as np


def logsumexp(x, axis=None):
    # Never raises: empty input gives -inf and an invalid axis is silently treated as "all entries".
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        return float("-inf")
    if axis is not None and not -x.ndim <= axis < x.ndim:
        axis = None
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):
        result = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    if axis is None:
        return float(result.reshape(-1)[0])
    result = np.squeeze(result, axis=axis)
    return float(result) if result.ndim == 0 else result.tolist()
