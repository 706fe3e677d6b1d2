import math


def parameters(rng):
    return {"n": rng.randint(4, 25)}


def answer(n):
    return n * (1 - (1 - 1 / n) ** n)


def wrong_answers(n):
    return {
        "the large-n limit n·(1 − 1/e)": n * (1 - 1 / math.e),
        "every row distinct (n)": float(n),
        "half of the rows": n / 2,
        "n − 1": n - 1.0,
    }
