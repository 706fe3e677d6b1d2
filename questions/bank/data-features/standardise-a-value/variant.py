MIN_GAP = 0.03  # three times the tolerance: a classic mistake, even rounded, is never accepted


def parameters(rng):
    # Draw again in the rare variant where a classic mistake gives nearly the right number (x equal to the
    # mean makes every slip below give 0): such a variant cannot tell who knows the formula.
    while True:
        params = {"mean": rng.randint(20, 80), "std": rng.choice([2, 4, 5, 8, 10]), "x": rng.randint(0, 100)}
        if all(abs(wrong - answer(**params)) > MIN_GAP for wrong in wrong_answers(**params).values()):
            return params


def answer(mean, std, x):
    return (x - mean) / std


def wrong_answers(mean, std, x):
    return {
        "divided by the variance, not the standard deviation": (x - mean) / std**2,
        "sign flipped: (mean - x) / std": (mean - x) / std,
        "not divided by the standard deviation": x - mean,
        "mean not subtracted: x / std": x / std,
    }
