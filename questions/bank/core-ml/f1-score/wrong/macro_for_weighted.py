import numpy as np


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    # Wrong averaging: "weighted" and "micro" are computed as the plain mean of per-class F1 (macro).
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    labels = sorted(set(y_true.tolist()) | set(y_pred.tolist()))
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError(average)

    def f1(label):
        tp = np.sum((y_true == label) & (y_pred == label))
        fp = np.sum((y_true != label) & (y_pred == label))
        fn = np.sum((y_true == label) & (y_pred != label))
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0

    if average == "binary":
        if len(labels) > 2 or (len(labels) == 2 and pos_label not in labels):
            raise ValueError("bad labels")
        return float(f1(pos_label))
    return float(np.mean([f1(label) for label in labels]))
