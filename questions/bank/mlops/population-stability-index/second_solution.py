import bisect
import math


def _quantile(sorted_values, q):
    # NumPy's default "linear" method: interpolate at position (n - 1) * q, with the same two-sided formula
    # NumPy uses, so that a cut point lands on exactly the same float.
    position = (len(sorted_values) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    a, b, t = sorted_values[low], sorted_values[high], position - low
    return b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t


def psi(expected, actual, *, bins=10):
    # Plain Python: cut points from the sorted training values, bins found by bisection.
    expected, actual = [float(v) for v in expected], [float(v) for v in actual]
    if not expected or not actual or bins < 2:
        raise ValueError("both inputs must be non-empty and bins at least 2")
    ordered = sorted(expected)
    cuts = sorted({_quantile(ordered, k / bins) for k in range(1, bins)})

    def shares(values):
        counts = [0] * (len(cuts) + 1)
        for v in values:
            counts[bisect.bisect_right(cuts, v)] += 1  # a value equal to a cut goes to the bin above
        return [max(c / len(values), 1e-6) for c in counts]

    return sum((a - e) * math.log(a / e) for e, a in zip(shares(expected), shares(actual)))
