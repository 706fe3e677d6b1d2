import numpy as np


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    # Wrong: the classes are those of y_true only, so a label that appears only in y_pred is not averaged in.
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError(average)
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("lengths")
    labels = sorted(set(y_true.tolist()))

    def f1(label):
        tp = np.sum((y_true == label) & (y_pred == label))
        fp = np.sum((y_true != label) & (y_pred == label))
        fn = np.sum((y_true == label) & (y_pred != label))
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0

    if average == "binary":
        every = set(labels) | set(y_pred.tolist())
        if len(every) > 2 or (len(every) == 2 and pos_label not in every):
            raise ValueError("bad labels")
        return float(f1(pos_label))
    if average == "micro":
        return float(np.mean(y_true == y_pred))
    scores = [f1(label) for label in labels]
    if average == "macro":
        return float(np.mean(scores))
    return float(np.average(scores, weights=[np.sum(y_true == label) for label in labels]))
