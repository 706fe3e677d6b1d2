import numpy as np


def logsumexp(x, axis=None):
    """log(sum(exp(x))) over all entries (axis=None) or along an axis, without overflow or underflow."""
    raise NotImplementedError
