import math


def two_proportion_z_test(conversions_a, visitors_a, conversions_b, visitors_b):
    # Wrong: a one-sided p-value (only one tail), where the task asks for two-sided.
    for conversions, visitors in ((conversions_a, visitors_a), (conversions_b, visitors_b)):
        if visitors < 1 or not 0 <= conversions <= visitors:
            raise ValueError("bad counts")
    pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b)
    if pooled in (0, 1):
        return 0.0, 1.0
    se = math.sqrt(pooled * (1 - pooled) * (1 / visitors_a + 1 / visitors_b))
    z = (conversions_b / visitors_b - conversions_a / visitors_a) / se
    return z, 0.5 * math.erfc(abs(z) / math.sqrt(2))
