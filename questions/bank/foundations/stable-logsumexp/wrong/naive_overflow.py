import numpy as np


def logsumexp(x, axis=None):
    # The textbook formula without the max shift: exp overflows for large inputs and underflows for very
    # negative ones.
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("x has no entries")
    if axis is not None and not -x.ndim <= axis < x.ndim:
        raise ValueError("bad axis")
    with np.errstate(over="ignore", divide="ignore"):
        result = np.log(np.sum(np.exp(x), axis=axis))
    return float(result) if np.ndim(result) == 0 else result.tolist()
