def precision_recall(y_true, y_pred, *, pos_label=1):
    # Wrong: uses accuracy-style counting (true negatives counted as hits).
    labels = set(y_true) | set(y_pred)
    if len(labels) > 2 or (len(labels) == 2 and pos_label not in labels):
        raise ValueError("bad labels")
    hits = sum(t == p for t, p in zip(y_true, y_pred))
    predicted = sum(p == pos_label for p in y_pred)
    actual = sum(t == pos_label for t in y_true)
    return (min(1.0, hits / predicted) if predicted else 0.0, min(1.0, hits / actual) if actual else 0.0)
