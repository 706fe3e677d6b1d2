def parameters(rng):
    return {
        "vx": rng.choice([1, 2, 3, 4, 5, 9]),
        "vy": rng.choice([1, 2, 4, 6, 8]),
        "a": rng.randint(2, 5),
        "b": rng.randint(2, 4),
        "c": rng.randint(3, 10),
    }


def answer(vx, vy, a, b, c):
    return a * a * vx + b * b * vy


def wrong_answers(vx, vy, a, b, c):
    return {
        "variances subtracted": a * a * vx - b * b * vy,
        "coefficients not squared": a * vx + b * vy,
        "coefficients not squared, subtracted": a * vx - b * vy,
        "the constant counted (plus c²)": a * a * vx + b * b * vy + c * c,
    }
