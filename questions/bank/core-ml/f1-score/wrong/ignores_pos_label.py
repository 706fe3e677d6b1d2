def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    # Wrong: always treats 1 as the positive class.
    labels = set(list(y_true)) | set(list(y_pred))
    if average not in ("binary", "micro", "macro", "weighted"):
        raise ValueError(average)
    if average == "binary" and len(labels) > 2:
        raise ValueError("multiclass")
    tp = sum(1 for t, p in zip(y_true, y_pred) if t == 1 and p == 1)
    fp = sum(1 for t, p in zip(y_true, y_pred) if t != 1 and p == 1)
    fn = sum(1 for t, p in zip(y_true, y_pred) if t == 1 and p != 1)
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
