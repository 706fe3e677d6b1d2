def parameters(rng):
    return {
        "prevalence_pct": rng.choice([0.5, 1, 2, 5]),
        "sensitivity_pct": rng.choice([80, 90, 95, 99]),
        "fpr_pct": rng.choice([2, 5, 8, 10]),
    }


def answer(prevalence_pct, sensitivity_pct, fpr_pct):
    p, sens, fpr = prevalence_pct / 100, sensitivity_pct / 100, fpr_pct / 100
    return sens * p / (sens * p + fpr * (1 - p))


def wrong_answers(prevalence_pct, sensitivity_pct, fpr_pct):
    p, sens, fpr = prevalence_pct / 100, sensitivity_pct / 100, fpr_pct / 100
    return {
        "the sensitivity: P(positive | ill) read as P(ill | positive)": sens,
        "the prevalence: the test result ignored": p,
        "sensitivity × prevalence, not divided by P(positive)": sens * p,
        "base rate ignored: sensitivity / (sensitivity + false-positive rate)": sens / (sens + fpr),
        "P(positive): the share of everyone who tests positive": sens * p + fpr * (1 - p),
        "the specificity, 1 − false-positive rate": 1 - fpr,
    }
