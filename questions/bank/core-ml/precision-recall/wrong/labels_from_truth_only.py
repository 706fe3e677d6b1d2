def precision_recall(y_true, y_pred, *, pos_label=1):
    # Wrong: the labels are checked in y_true only, so a label that appears only in y_pred goes unnoticed.
    y_true, y_pred = list(y_true), list(y_pred)
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("lengths")
    labels = set(y_true)
    if len(labels) > 2 or (len(labels) == 2 and pos_label not in labels):
        raise ValueError("bad labels")
    tp = sum(t == pos_label and p == pos_label for t, p in zip(y_true, y_pred))
    predicted = sum(p == pos_label for p in y_pred)
    actual = sum(t == pos_label for t in y_true)
    return (tp / predicted if predicted else 0.0, tp / actual if actual else 0.0)
