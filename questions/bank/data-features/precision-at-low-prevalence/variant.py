def parameters(rng):
    return {
        "prevalence_pct": rng.choice([0.2, 0.5, 1, 2]),
        "recall_pct": rng.choice([80, 85, 90, 95]),
        "fpr_pct": rng.choice([1, 2, 3, 5]),
    }


def answer(prevalence_pct, recall_pct, fpr_pct):
    pi, r, f = prevalence_pct / 100, recall_pct / 100, fpr_pct / 100
    return r * pi / (r * pi + f * (1 - pi))


def wrong_answers(prevalence_pct, recall_pct, fpr_pct):
    r, f = recall_pct / 100, fpr_pct / 100
    return {
        "the specificity (1 - false-positive rate)": 1 - f,
        "the recall": r,
        "classes treated as balanced": r / (r + f),
    }
