import numpy as np


def logsumexp(x, axis=None):
    # Keeps an int input as int64: x - shift then wraps around when two entries are more than 2**63 apart
    # (5e18 - (-5e18) overflows to a large positive number, whose exponential is inf).
    x = np.asarray(x)
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
