# Not from scratch: the sandbox of this task cannot see SciPy, so this is rejected.
from scipy.special import logsumexp as _logsumexp


def logsumexp(x, axis=None):
    result = _logsumexp(x, axis=axis)
    return float(result) if result.ndim == 0 else result.tolist()
