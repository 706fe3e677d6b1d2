TOLERANCE = 0.005


def parameters(rng):
    while True:
        params = {"sxy": rng.choice([-1, 1]) * rng.randint(20, 300), "sxx": rng.randint(20, 200),
                  "lam": rng.choice([5, 10, 20, 25, 40, 50])}
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE * abs(right) for w in wrong_answers(**params).values()):
            return params


def answer(sxy, sxx, lam):
    return sxy / (sxx + lam)


def wrong_answers(sxy, sxx, lam):
    return {
        "ordinary least squares, penalty ignored": sxy / sxx,
        "penalty counted twice (2 lambda)": sxy / (sxx + 2 * lam),
        "shrunk by a factor (1 + lambda)": sxy / (sxx * (1 + lam)),
    }
