def parameters(rng):
    # One of FP and FN is small and the other large: precision and recall then differ enough that their
    # arithmetic or geometric mean is never near F1 (their harmonic mean); with FP = FN all three coincide.
    tp, few, many = rng.randint(20, 90), rng.randint(5, 15), rng.randint(30, 60)
    fp, fn = (few, many) if rng.random() < 0.5 else (many, few)
    return {"tp": tp, "fp": fp, "fn": fn, "tn": rng.randint(100, 400)}


def answer(tp, fp, fn, tn):
    return 2 * tp / (2 * tp + fp + fn)


def wrong_answers(tp, fp, fn, tn):
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    negative_f1 = 2 * tn / (2 * tn + fp + fn)
    return {
        "arithmetic mean of precision and recall": (precision + recall) / 2,
        "geometric mean of precision and recall": (precision * recall) ** 0.5,
        "TP / (TP + FP + FN): the factor 2 left out": tp / (tp + fp + fn),
        "accuracy: true negatives counted": (tp + tn) / (tp + fp + fn + tn),
        "F1 of the negative class": negative_f1,
        "macro F1: the mean of both classes' F1": (answer(tp, fp, fn, tn) + negative_f1) / 2,
        "false negatives left out: 2TP / (2TP + FP)": 2 * tp / (2 * tp + fp),
        "false positives left out: 2TP / (2TP + FN)": 2 * tp / (2 * tp + fn),
        "precision alone": precision,
        "recall alone": recall,
    }
