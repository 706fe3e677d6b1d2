TOLERANCE = 0.005


def parameters(rng):
    while True:
        params = {"p": rng.choice([0.1, 0.2, 0.25, 0.3, 0.4, 0.6, 0.7, 0.75, 0.8])}
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE * right for w in wrong_answers(**params).values()):
            return params


def answer(p):
    return 1 / (1 - p)


def wrong_answers(p):
    return {
        "the keep probability 1 - p": 1 - p,
        "one over the drop probability": 1 / p,
        "no scaling": 1.0,
        "the drop probability p": p,
    }
