import math


def parameters(rng):
    # Redraw the rare draws where a classic slip lands within the tolerance of the answer.
    while True:
        params = {f"{name}{i}": rng.randint(-5, 6) for name in "uv" for i in (1, 2, 3)}
        right = answer(**params) if _norms(params)[0] and _norms(params)[1] else None
        if right is not None and all(abs(w - right) > 0.02 for w in wrong_answers(**params).values()):
            return params


def _norms(p):
    return (math.sqrt(p["u1"] ** 2 + p["u2"] ** 2 + p["u3"] ** 2), math.sqrt(p["v1"] ** 2 + p["v2"] ** 2 + p["v3"] ** 2))


def _dot(p):
    return p["u1"] * p["v1"] + p["u2"] * p["v2"] + p["u3"] * p["v3"]


def answer(**p):
    nu, nv = _norms(p)
    return _dot(p) / (nu * nv)


def wrong_answers(**p):
    nu, nv = _norms(p)
    return {
        "the dot product": _dot(p),
        "divided by the length of u only": _dot(p) / nu,
        "the cosine distance 1 − cos": 1 - _dot(p) / (nu * nv),
    }
