import math

import numpy as np


def two_proportion_z_test(conversions_a, visitors_a, conversions_b, visitors_b):
    """Pooled two-proportion z-test: return (z, two-sided p-value); z > 0 when B converts better."""
    raise NotImplementedError
