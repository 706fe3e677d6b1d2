import math


def parameters(rng):
    # Redraw the few matrices where a classic slip lands on the answer: a singular matrix (the trace equals
    # the largest eigenvalue) or a determinant that happens to equal it, e.g. a = 3, b = 4, d = 9.
    while True:
        params = {"a": rng.randint(1, 9), "b": rng.choice([-4, -3, -2, -1, 1, 2, 3, 4]), "d": rng.randint(-3, 9)}
        right = answer(**params)
        if all(abs(value - right) > 0.05 for value in wrong_answers(**params).values()):
            return params


def _eigenvalues(a, b, d):
    centre, radius = (a + d) / 2, math.sqrt(((a - d) / 2) ** 2 + b * b)
    return centre + radius, centre - radius


def answer(a, b, d):
    return _eigenvalues(a, b, d)[0]


def wrong_answers(a, b, d):
    return {
        "the larger diagonal entry": max(a, d),
        "the smaller eigenvalue": _eigenvalues(a, b, d)[1],
        "the trace": a + d,
        "the determinant": a * d - b * b,
    }
