def average_precision(y_true, y_score):
    # Plain Python, one pass per distinct threshold: count what scores at least the threshold.
    y_true, y_score = list(y_true), [float(s) for s in y_score]
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score must have the same length")
    positives = sum(1 for t in y_true if t == 1)
    if positives == 0:
        raise ValueError("y_true has no positive sample")
    total, last_recall = 0.0, 0.0
    for threshold in sorted(set(y_score), reverse=True):
        predicted = [t for t, s in zip(y_true, y_score) if s >= threshold]
        hits = sum(1 for t in predicted if t == 1)
        recall = hits / positives
        total += (recall - last_recall) * hits / len(predicted)
        last_recall = recall
    return total
