TOLERANCE = 0.005


def _values(text):
    return [float(v) for v in text.split(", ")]


def _mean(values):
    return sum(values) / len(values)


def parameters(rng):
    while True:
        def distances(low, high):
            return ", ".join(str(rng.randint(low, high)) for _ in range(3))

        params = {"da": distances(1, 8), "db": distances(2, 12), "dc": distances(3, 15)}
        means = [_mean(_values(params[k])) for k in ("db", "dc")]
        if abs(means[0] - means[1]) < 1:
            continue
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE for w in wrong_answers(**params).values()):
            return params


def _parts(da, db, dc):
    a = _mean(_values(da))
    b_near, b_far = sorted([_mean(_values(db)), _mean(_values(dc))])
    return a, b_near, b_far


def answer(da, db, dc):
    a, b, _ = _parts(da, db, dc)
    return (b - a) / max(a, b)


def wrong_answers(da, db, dc):
    a, b, far = _parts(da, db, dc)
    return {
        "farther cluster used for b": (far - a) / max(a, far),
        "divided by min(a, b)": (b - a) / min(a, b),
        "not normalised: b - a": b - a,
        "both other clusters pooled for b": ((b + far) / 2 - a) / max(a, (b + far) / 2),
    }
