def roc_auc(y_true, y_score):
    # Plain Python, straight from the definition: over all (positive, negative) pairs, the share in which the
    # positive scores higher, a tie counting half.
    y_true, y_score = list(y_true), [float(s) for s in y_score]
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score must have the same length")
    positives = [s for t, s in zip(y_true, y_score) if t == 1]
    negatives = [s for t, s in zip(y_true, y_score) if t != 1]
    if not positives or not negatives:
        raise ValueError("y_true must contain both classes")
    wins = 0.0
    for p in positives:
        for n in negatives:
            if p > n:
                wins += 1.0
            elif p == n:
                wins += 0.5
    return wins / (len(positives) * len(negatives))
