import math


def parameters(rng):
    while True:
        params = {"h": rng.randint(7, 64), "k": rng.choice([2, 3, 5, 7]), "s": rng.choice([1, 2, 3]),
                  "p": rng.choice([0, 1, 2, 3]), "d": rng.choice([1, 1, 2, 3])}
        right = answer(**params)
        if right >= 1 and all(w != right for w in wrong_answers(**params).values()):
            return params


def answer(h, k, s, p, d):
    return (h + 2 * p - d * (k - 1) - 1) // s + 1


def wrong_answers(h, k, s, p, d):
    return {
        "dilation ignored": (h + 2 * p - (k - 1) - 1) // s + 1,
        "rounded up instead of down": math.ceil((h + 2 * p - d * (k - 1) - 1) / s) + 1,
        "padding added on one side only": (h + p - d * (k - 1) - 1) // s + 1,
        "the + 1 forgotten": (h + 2 * p - d * (k - 1) - 1) // s,
    }
