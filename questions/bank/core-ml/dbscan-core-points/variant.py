def parameters(rng):
    while True:
        points = sorted(rng.sample(range(0, 30), 10))
        params = {"points": ", ".join(map(str, points)), "eps": rng.choice([1, 2, 3]),
                  "min_samples": rng.choice([3, 4])}
        right = answer(**params)
        if all(w != right for w in wrong_answers(**params).values()):
            return params


def _count(points, eps, min_samples, *, itself=True, strict=False):
    values = [int(x) for x in points.split(", ")]
    core = 0
    for x in values:
        near = [y for y in values if (abs(x - y) < eps if strict else abs(x - y) <= eps)]
        core += (len(near) - (0 if itself else 1)) >= min_samples
    return core


def answer(points, eps, min_samples):
    return _count(points, eps, min_samples)


def wrong_answers(points, eps, min_samples):
    return {
        "the point itself not counted": _count(points, eps, min_samples, itself=False),
        "distance strictly below eps": _count(points, eps, min_samples, strict=True),
    }
