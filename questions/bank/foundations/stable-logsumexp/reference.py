import numpy as np
from scipy.special import logsumexp as scipy_logsumexp


def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        raise ValueError("x has no entries")
    if axis is not None and not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis} is out of range for a {x.ndim}-D input")
    result = scipy_logsumexp(x, axis=axis)
    return float(result) if np.ndim(result) == 0 else result.tolist()
