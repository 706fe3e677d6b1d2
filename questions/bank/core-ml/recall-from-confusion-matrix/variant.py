MIN_GAP = 0.003  # three times the tolerance: a classic mistake, even rounded, is never accepted


def parameters(rng):
    # Draw again in the rare variant where a classic mistake gives nearly the right number (FP = FN makes
    # recall equal precision): such a variant cannot tell who knows the formula.
    while True:
        params = {"tp": rng.randint(20, 90), "fp": rng.randint(5, 40), "fn": rng.randint(5, 40), "tn": rng.randint(100, 400)}
        if all(abs(wrong - answer(**params)) > MIN_GAP for wrong in wrong_answers(**params).values()):
            return params


def answer(tp, fp, fn, tn):
    return tp / (tp + fn)


def wrong_answers(tp, fp, fn, tn):
    return {
        "precision: FP and FN swapped": tp / (tp + fp),
        "accuracy: true negatives counted": (tp + tn) / (tp + fp + fn + tn),
        "recall of the negative class (specificity)": tn / (tn + fp),
    }
