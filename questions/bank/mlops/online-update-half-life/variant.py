import math


def parameters(rng):
    return {"alpha": rng.choice([0.05, 0.1, 0.15, 0.2, 0.25, 0.3])}


def answer(alpha):
    return math.log(0.5) / math.log(1 - alpha)


def wrong_answers(alpha):
    return {
        "the small-alpha approximation ln 2 / alpha": math.log(2) / alpha,
        "one over alpha": 1 / alpha,
        "a linear decay, 0.5 / alpha": 0.5 / alpha,
    }
