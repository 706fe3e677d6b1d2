import numpy as np


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    # Wrong: empty input or inputs of different lengths give a number instead of a ValueError.
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError(average)
    y_true, y_pred = list(y_true), list(y_pred)
    labels = sorted(set(y_true) | set(y_pred))

    def f1(label):
        tp = sum(t == label and p == label for t, p in zip(y_true, y_pred))
        fp = sum(t != label and p == label for t, p in zip(y_true, y_pred))
        fn = sum(t == label and p != label for t, p in zip(y_true, y_pred))
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0

    if average == "binary":
        if len(labels) > 2 or (len(labels) == 2 and pos_label not in labels):
            raise ValueError("bad labels")
        return float(f1(pos_label))
    if not labels:
        return 0.0
    if average == "micro":
        tp = sum(t == p for t, p in zip(y_true, y_pred))
        return tp / len(y_true)
    scores = [f1(label) for label in labels]
    if average == "macro":
        return float(np.mean(scores))
    return float(np.average(scores, weights=[y_true.count(label) for label in labels]))
