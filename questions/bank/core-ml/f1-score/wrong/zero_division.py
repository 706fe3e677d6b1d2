import numpy as np


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    # Wrong: divides by zero when there are no positives at all.
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    labels = sorted(set(y_true.tolist()) | set(y_pred.tolist()))
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError(average)
    if average == "binary":
        if len(labels) > 2 or (len(labels) == 2 and pos_label not in labels):
            raise ValueError("bad labels")
        tp = np.sum((y_true == pos_label) & (y_pred == pos_label))
        precision = tp / np.sum(y_pred == pos_label)
        recall = tp / np.sum(y_true == pos_label)
        if precision + recall == 0:
            raise ZeroDivisionError("precision and recall are both zero")
        return float(2 * precision * recall / (precision + recall))
    scores, support = [], []
    for label in labels:
        tp = np.sum((y_true == label) & (y_pred == label))
        fp = np.sum((y_true != label) & (y_pred == label))
        fn = np.sum((y_true == label) & (y_pred != label))
        scores.append(2 * tp / (2 * tp + fp + fn))
        support.append(np.sum(y_true == label))
    if average == "macro":
        return float(np.mean(scores))
    return float(np.average(scores, weights=support))
