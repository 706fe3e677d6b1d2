def precision_recall(y_true, y_pred, *, pos_label=1):
    # Wrong: precision and recall swapped (dividing by actual positives for precision).
    labels = set(y_true) | set(y_pred)
    if len(labels) > 2 or (len(labels) == 2 and pos_label not in labels):
        raise ValueError("bad labels")
    tp = sum(t == pos_label and p == pos_label for t, p in zip(y_true, y_pred))
    predicted = sum(p == pos_label for p in y_pred)
    actual = sum(t == pos_label for t in y_true)
    return (tp / actual if actual else 0.0, tp / predicted if predicted else 0.0)
