def precision_recall(y_true, y_pred, *, pos_label=1):
    # Wrong: zip() stops at the shorter input, so inputs of different lengths give a number, not an error.
    labels = set(y_true) | set(y_pred)
    if len(labels) > 2 or (len(labels) == 2 and pos_label not in labels):
        raise ValueError("bad labels")
    tp = fp = fn = 0
    for t, p in zip(y_true, y_pred):
        tp += t == pos_label and p == pos_label
        fp += t != pos_label and p == pos_label
        fn += t == pos_label and p != pos_label
    return (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)
