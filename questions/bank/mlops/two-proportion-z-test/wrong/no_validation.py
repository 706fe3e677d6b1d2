import math


def two_proportion_z_test(conversions_a, visitors_a, conversions_b, visitors_b):
    # Wrong: impossible counts are not refused; they give a number (or an accidental error) instead.
    pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b)
    if pooled in (0, 1):
        return 0.0, 1.0
    se = math.sqrt(pooled * (1 - pooled) * (1 / visitors_a + 1 / visitors_b))
    z = (conversions_b / visitors_b - conversions_a / visitors_a) / se
    return z, math.erfc(abs(z) / math.sqrt(2))
