import math


def two_proportion_z_test(conversions_a, visitors_a, conversions_b, visitors_b):
    """Pooled two-proportion z-test: return (z, two-sided p-value); z > 0 when B converts better."""
    for conversions, visitors in ((conversions_a, visitors_a), (conversions_b, visitors_b)):
        if visitors < 1:
            raise ValueError("each group needs at least one visitor")
        if not 0 <= conversions <= visitors:
            raise ValueError("conversions must lie between 0 and the number of visitors")
    pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b)
    if pooled == 0 or pooled == 1:
        return 0.0, 1.0  # no variance: nothing to test
    standard_error = math.sqrt(pooled * (1 - pooled) * (1 / visitors_a + 1 / visitors_b))
    z = (conversions_b / visitors_b - conversions_a / visitors_a) / standard_error
    # P(|Z| >= |z|) = erfc(|z| / sqrt(2)), accurate in the far tail where 1 - cdf would round to 0.
    return z, math.erfc(abs(z) / math.sqrt(2))
