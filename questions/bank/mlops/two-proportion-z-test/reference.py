import math

from scipy.stats import norm


def two_proportion_z_test(conversions_a, visitors_a, conversions_b, visitors_b):
    for conversions, visitors in ((conversions_a, visitors_a), (conversions_b, visitors_b)):
        if visitors < 1 or conversions < 0 or conversions > visitors:
            raise ValueError("need at least one visitor and 0 <= conversions <= visitors in each group")
    pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b)
    if pooled in (0.0, 1.0):
        return 0.0, 1.0
    standard_error = math.sqrt(pooled * (1 - pooled) * (1 / visitors_a + 1 / visitors_b))
    z = (conversions_b / visitors_b - conversions_a / visitors_a) / standard_error
    return z, 2 * norm.sf(abs(z))
