import math

TOLERANCE = 0.002


def parameters(rng):
    while True:
        params = {"a": rng.randint(1, 40), "b": rng.randint(1, 40), "c": rng.randint(1, 40)}
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE for w in wrong_answers(**params).values()):
            return params


def _shares(a, b, c):
    n = a + b + c
    return [a / n, b / n, c / n]


def answer(a, b, c):
    return 1 - sum(p * p for p in _shares(a, b, c))


def wrong_answers(a, b, c):
    p = _shares(a, b, c)
    return {
        "sum of squared shares (1 minus the impurity)": sum(x * x for x in p),
        "entropy in bits": -sum(x * math.log2(x) for x in p),
        "misclassification error 1 - max p": 1 - max(p),
    }
