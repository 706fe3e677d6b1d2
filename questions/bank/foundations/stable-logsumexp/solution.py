import numpy as np


def logsumexp(x, axis=None):
    x = np.asarray(x, dtype=float)  # int64 entries far apart would overflow in x - shift
    if x.size == 0:
        raise ValueError("x has no entries")
    # Shift each slice by its largest entry, so its biggest exponential is exp(0) = 1: nothing overflows and
    # the sum is at least 1. A slice that is all -inf has no finite maximum: shifting it by 0 keeps its sum
    # at 0, and log(0) = -inf is the right answer. np.max raises AxisError (a ValueError) for a bad axis.
    shift = np.max(x, axis=axis, keepdims=True)
    shift[np.isneginf(shift)] = 0.0
    with np.errstate(divide="ignore"):
        result = np.log(np.sum(np.exp(x - shift), axis=axis, keepdims=True)) + shift
    return np.squeeze(result, axis=axis).tolist()
