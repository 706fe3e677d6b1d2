import math


def two_proportion_z_test(conversions_a, visitors_a, conversions_b, visitors_b):
    # Wrong: no special case for a pooled rate of 0 or 1, so the standard error is 0 and this divides by it.
    for conversions, visitors in ((conversions_a, visitors_a), (conversions_b, visitors_b)):
        if visitors < 1 or not 0 <= conversions <= visitors:
            raise ValueError("bad counts")
    pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / visitors_a + 1 / visitors_b))
    z = (conversions_b / visitors_b - conversions_a / visitors_a) / se
    return z, math.erfc(abs(z) / math.sqrt(2))
