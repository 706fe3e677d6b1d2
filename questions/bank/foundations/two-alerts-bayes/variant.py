def parameters(rng):
    # Redraw the draws where a slip happens to land near the answer (the hit rates' product can equal it).
    while True:
        params = {
            "prior_pct": rng.choice([0.5, 1, 2]),
            "a_fraud_pct": rng.choice([60, 70, 80, 90]),
            "a_legit_pct": rng.choice([2, 3, 5]),
            "b_fraud_pct": rng.choice([50, 60, 75]),
            "b_legit_pct": rng.choice([4, 8, 10]),
        }
        right = answer(**params)
        if all(abs(value - right) > 0.05 * right for value in wrong_answers(**params).values()):
            return params


def _posterior(prior, likelihood_fraud, likelihood_legit):
    return prior * likelihood_fraud / (prior * likelihood_fraud + (1 - prior) * likelihood_legit)


def answer(prior_pct, a_fraud_pct, a_legit_pct, b_fraud_pct, b_legit_pct):
    p = prior_pct / 100
    return _posterior(p, a_fraud_pct / 100 * b_fraud_pct / 100, a_legit_pct / 100 * b_legit_pct / 100)


def wrong_answers(prior_pct, a_fraud_pct, a_legit_pct, b_fraud_pct, b_legit_pct):
    p = prior_pct / 100
    af, al, bf, bl = a_fraud_pct / 100, a_legit_pct / 100, b_fraud_pct / 100, b_legit_pct / 100
    return {
        "check A only": _posterior(p, af, al),
        "check B only": _posterior(p, bf, bl),
        "the prior ignored (likelihoods only)": af * bf / (af * bf + al * bl),
        "both checks' hit rates multiplied": af * bf,
    }
