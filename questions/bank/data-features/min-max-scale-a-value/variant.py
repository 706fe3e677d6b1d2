def parameters(rng):
    lo = rng.randint(10, 40)
    hi = lo + rng.randint(50, 200)
    return {"lo": lo, "hi": hi, "x": hi + rng.randint(10, 80)}


def answer(lo, hi, x):
    return (x - lo) / (hi - lo)


def wrong_answers(lo, hi, x):
    return {
        "clipped to 1, as if the scaler clipped its output": 1.0,
        "divided by the maximum instead of the range": (x - lo) / hi,
        "divided by the range without subtracting the minimum": x / (hi - lo),
    }
