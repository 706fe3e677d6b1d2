def parameters(rng):
    return {"tp": rng.randint(20, 90), "fp": rng.randint(5, 40), "fn": rng.randint(5, 40), "tn": rng.randint(100, 400)}


def answer(tp, fp, fn, tn):
    return 2 * tp / (2 * tp + fp + fn)
