import math

import numpy as np


def two_proportion_z_test(conversions_a, visitors_a, conversions_b, visitors_b):
    """Via Pearson's chi-square on the 2x2 table: for two proportions, chi2 equals the pooled z squared."""
    observed = np.array(
        [[conversions_a, visitors_a - conversions_a], [conversions_b, visitors_b - conversions_b]], dtype=float
    )
    if min(visitors_a, visitors_b) < 1 or (observed < 0).any():
        raise ValueError("need at least one visitor and 0 <= conversions <= visitors in each group")
    expected = observed.sum(axis=1, keepdims=True) * observed.sum(axis=0, keepdims=True) / observed.sum()
    if (expected.sum(axis=0) == 0).any():  # one outcome never happens: no variance
        return 0.0, 1.0
    chi2 = ((observed - expected) ** 2 / expected).sum()
    sign = np.sign(conversions_b * visitors_a - conversions_a * visitors_b)
    z = sign * math.sqrt(chi2)
    # The chi-square with one degree of freedom has survival function erfc(sqrt(chi2 / 2)).
    return z, math.erfc(math.sqrt(chi2 / 2))
