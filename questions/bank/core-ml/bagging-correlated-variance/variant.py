TOLERANCE = 0.005


def parameters(rng):
    while True:
        params = {"b": rng.choice([5, 8, 10, 20, 25]), "var": round(rng.uniform(0.5, 4.0), 2),
                  "rho": rng.choice([0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6])}
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE * abs(right) for w in wrong_answers(**params).values()):
            return params


def answer(b, var, rho):
    return rho * var + (1 - rho) * var / b


def wrong_answers(b, var, rho):
    return {
        "trees treated as independent: var / B": var / b,
        "only the correlated part rho * var": rho * var,
        "no reduction at all": var,
    }
