import numpy as np


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    # Wrong: never raises, so multiclass input with average="binary" silently gives a number.
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    labels = sorted(set(y_true.tolist()) | set(y_pred.tolist()))

    def counts(label):
        return (np.sum((y_true == label) & (y_pred == label)), np.sum((y_true != label) & (y_pred == label)),
                np.sum((y_true == label) & (y_pred != label)))

    def f1(tp, fp, fn):
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0

    if average == "binary":
        return float(f1(*counts(pos_label)))
    all_counts = [counts(label) for label in labels]
    if average == "micro":
        return float(f1(*np.sum(all_counts, axis=0)))
    scores = [f1(*c) for c in all_counts]
    if average == "weighted":
        return float(np.average(scores, weights=[np.sum(y_true == label) for label in labels]))
    return float(np.mean(scores))
