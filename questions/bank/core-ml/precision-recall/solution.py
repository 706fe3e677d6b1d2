def precision_recall(y_true, y_pred, *, pos_label=1):
    y_true, y_pred = list(y_true), list(y_pred)
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("y_true and y_pred must be non-empty and of equal length")
    labels = set(y_true) | set(y_pred)
    if len(labels) > 2:
        raise ValueError("precision_recall is for binary labels")
    if len(labels) == 2 and pos_label not in labels:
        raise ValueError(f"pos_label={pos_label!r} is not one of the labels")
    tp = sum(t == pos_label and p == pos_label for t, p in zip(y_true, y_pred))
    predicted = sum(p == pos_label for p in y_pred)
    actual = sum(t == pos_label for t in y_true)
    return (tp / predicted if predicted else 0.0, tp / actual if actual else 0.0)
