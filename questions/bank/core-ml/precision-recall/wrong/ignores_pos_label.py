def precision_recall(y_true, y_pred, *, pos_label=1):
    # Wrong: always takes 1 as the positive class and never validates labels.
    tp = sum(t == 1 and p == 1 for t, p in zip(y_true, y_pred))
    predicted = sum(p == 1 for p in y_pred)
    actual = sum(t == 1 for t in y_true)
    return (tp / predicted if predicted else 0.0, tp / actual if actual else 0.0)
