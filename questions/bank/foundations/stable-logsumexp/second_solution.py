import math


def _reduce(values):
    """log-sum-exp of a flat list of floats, in plain Python."""
    largest = max(values)
    if largest == -math.inf:
        return -math.inf
    return largest + math.log(math.fsum(math.exp(v - largest) for v in values))


def logsumexp(x, axis=None):
    rows = [list(map(float, row)) for row in x] if len(x) and hasattr(x[0], "__len__") else None
    ndim = 2 if rows is not None else 1
    flat = [v for row in rows for v in row] if rows is not None else [float(v) for v in x]
    if not flat:
        raise ValueError("x has no entries")
    if axis is None:
        return _reduce(flat)
    if not -ndim <= axis < ndim:
        raise ValueError(f"axis {axis} is out of range for a {ndim}-D input")
    if ndim == 1:
        return _reduce(flat)
    if axis % 2 == 1:
        return [_reduce(row) for row in rows]
    return [_reduce(list(column)) for column in zip(*rows)]
