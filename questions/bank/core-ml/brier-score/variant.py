import math

TOLERANCE = 0.001


def parameters(rng):
    while True:
        params = {}
        for i in range(1, 6):
            params[f"p{i}"] = rng.choice([0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95])
            params[f"y{i}"] = rng.randint(0, 1)
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE for w in wrong_answers(**params).values()):
            return params


def _pairs(params):
    return [(params[f"p{i}"], params[f"y{i}"]) for i in range(1, 6)]


def answer(**params):
    return sum((p - y) ** 2 for p, y in _pairs(params)) / 5


def wrong_answers(**params):
    pairs = _pairs(params)
    return {
        "mean absolute error": sum(abs(p - y) for p, y in pairs) / 5,
        "square root of the Brier score": math.sqrt(answer(**params)),
        "sum instead of mean": sum((p - y) ** 2 for p, y in pairs),
        "log loss": -sum(math.log(p if y else 1 - p) for p, y in pairs) / 5,
    }
