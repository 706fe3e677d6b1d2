import math


def parameters(rng):
    n = rng.choice([200, 250, 400, 500, 800, 1000, 1200, 2000])
    accuracy = rng.uniform(0.7, 0.95)
    return {"n": n, "correct": round(accuracy * n)}


def answer(n, correct):
    p = correct / n
    return 1.96 * math.sqrt(p * (1 - p) / n)


def wrong_answers(n, correct):
    p = correct / n
    standard_error = math.sqrt(p * (1 - p) / n)
    return {
        "no square root": 1.96 * p * (1 - p) / n,
        "one standard error (no 1.96)": standard_error,
        "a 90% interval (z = 1.645)": 1.645 * standard_error,
        "the full width of the interval": 2 * 1.96 * standard_error,
    }
