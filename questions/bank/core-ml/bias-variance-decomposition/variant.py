TOLERANCE = 0.01


def parameters(rng):
    while True:
        params = {
            "bias": rng.choice([0.2, 0.3, 0.4, 0.5, 0.6, 1.5, 1.8, 2.0, 2.5, 3.0]),
            "variance": round(rng.uniform(0.2, 4.0), 1),
            "noise_sd": rng.choice([0.3, 0.4, 0.5, 0.6, 1.5, 2.0, 2.5]),
        }
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE for w in wrong_answers(**params).values()):
            return params


def answer(bias, variance, noise_sd):
    return bias**2 + variance + noise_sd**2


def wrong_answers(bias, variance, noise_sd):
    return {
        "bias not squared": bias + variance + noise_sd**2,
        "noise left out": bias**2 + variance,
        "noise standard deviation not squared": bias**2 + variance + noise_sd,
    }
