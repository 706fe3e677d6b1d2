import math

TOLERANCE = 0.005


def parameters(rng):
    while True:
        params = {f"e{i}": rng.choice([-1, 1]) * rng.randint(1, 40) for i in range(1, 6)}
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE for w in wrong_answers(**params).values()):
            return params


def answer(**errors):
    return math.sqrt(sum(e * e for e in errors.values()) / len(errors))


def wrong_answers(**errors):
    values = list(errors.values())
    return {
        "mean absolute error": sum(abs(e) for e in values) / len(values),
        "mean squared error (no square root)": sum(e * e for e in values) / len(values),
        "mean error (signed)": sum(values) / len(values),
    }
