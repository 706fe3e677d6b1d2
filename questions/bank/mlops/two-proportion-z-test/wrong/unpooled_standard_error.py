import math


def two_proportion_z_test(conversions_a, visitors_a, conversions_b, visitors_b):
    # Wrong: the unpooled (Wald) standard error, which belongs to a confidence interval, not to this test.
    for conversions, visitors in ((conversions_a, visitors_a), (conversions_b, visitors_b)):
        if visitors < 1 or not 0 <= conversions <= visitors:
            raise ValueError("bad counts")
    p_a, p_b = conversions_a / visitors_a, conversions_b / visitors_b
    variance = p_a * (1 - p_a) / visitors_a + p_b * (1 - p_b) / visitors_b
    if variance == 0:
        return 0.0, 1.0
    z = (p_b - p_a) / math.sqrt(variance)
    return z, math.erfc(abs(z) / math.sqrt(2))
