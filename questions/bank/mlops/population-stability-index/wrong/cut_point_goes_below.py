import numpy as np


def psi(expected, actual, *, bins=10):
    # Wrong: searchsorted's default side="left" puts a value equal to a cut point in the bin below it.
    expected, actual = np.asarray(expected, dtype=float), np.asarray(actual, dtype=float)
    if len(expected) == 0 or len(actual) == 0 or bins < 2:
        raise ValueError("need data on both sides and at least two bins")
    cuts = np.unique(np.quantile(expected, np.arange(1, bins) / bins))
    e = np.bincount(np.searchsorted(cuts, expected), minlength=len(cuts) + 1) / len(expected)
    a = np.bincount(np.searchsorted(cuts, actual), minlength=len(cuts) + 1) / len(actual)
    e, a = np.maximum(e, 1e-6), np.maximum(a, 1e-6)
    return float(np.sum((a - e) * np.log(a / e)))
