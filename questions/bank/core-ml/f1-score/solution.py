import numpy as np


def _counts(y_true, y_pred, label):
    tp = int(np.sum((y_true == label) & (y_pred == label)))
    fp = int(np.sum((y_true != label) & (y_pred == label)))
    fn = int(np.sum((y_true == label) & (y_pred != label)))
    return tp, fp, fn


def _f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError(f"unknown average {average!r}")
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("y_true and y_pred must be non-empty and of equal length")
    labels = sorted(set(y_true.tolist()) | set(y_pred.tolist()))  # a label only predicted is a class too
    if average == "binary":
        if len(labels) > 2:
            raise ValueError("more than two labels with average='binary'")
        if len(labels) == 2 and pos_label not in labels:
            raise ValueError(f"pos_label={pos_label!r} is not a valid label")
        return float(_f1(*_counts(y_true, y_pred, pos_label)))
    counts = [_counts(y_true, y_pred, label) for label in labels]
    if average == "micro":
        return float(_f1(*(sum(c[i] for c in counts) for i in range(3))))
    scores = [_f1(*c) for c in counts]
    if average == "macro":
        return float(np.mean(scores))
    support = [int(np.sum(y_true == label)) for label in labels]
    return float(np.dot(scores, support) / len(y_true))  # the supports add up to the number of samples
