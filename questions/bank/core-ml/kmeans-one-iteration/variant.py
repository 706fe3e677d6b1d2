import statistics

TOLERANCE = 0.01


def parameters(rng):
    while True:
        points = sorted(rng.sample(range(0, 40), 7))
        c1, c2 = sorted(rng.sample(range(0, 40), 2))
        params = {"points": ", ".join(map(str, points)), "c1": c1, "c2": c2}
        if any(abs(x - c1) == abs(x - c2) for x in points) or len(_cluster(points, c1, c2)) in (0, 7):
            continue  # no ties and no empty cluster
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE for w in wrong_answers(**params).values()):
            return params


def _cluster(points, c1, c2):
    return [x for x in points if abs(x - c1) < abs(x - c2)]


def answer(points, c1, c2):
    values = [int(x) for x in points.split(", ")]
    return statistics.mean(_cluster(values, c1, c2))


def wrong_answers(points, c1, c2):
    values = [int(x) for x in points.split(", ")]
    mine = _cluster(values, c1, c2)
    others = [x for x in values if x not in mine]
    return {
        "mean of all points": statistics.mean(values),
        "median of its points instead of the mean": statistics.median(mine),
        "mean of the other cluster": statistics.mean(others),
        "centroid left where it started": c1,
    }
