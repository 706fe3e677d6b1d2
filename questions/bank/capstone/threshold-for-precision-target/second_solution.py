"""Plain Python: sort the rows by score once and sweep down the distinct scores with running counts."""
import math


def choose_threshold(y_true, scores, *, min_precision):
    labels, values = list(y_true), [float(s) for s in scores]
    if len(labels) == 0 or len(labels) != len(values):
        raise ValueError("y_true and scores must be non-empty and of the same length")
    if any(label not in (0, 1) for label in labels):
        raise ValueError("every label must be 0 or 1")
    if any(math.isnan(v) for v in values):
        raise ValueError("a score is NaN")
    if not (0 < min_precision <= 1):
        raise ValueError("min_precision must be in (0, 1]")
    positives = sum(int(label) for label in labels)
    if positives == 0:
        raise ValueError("there is no positive label")
    rows = sorted(zip(values, labels), key=lambda row: -row[0])
    best, tp, i = None, 0, 0
    while i < len(rows):
        t = rows[i][0]
        while i < len(rows) and rows[i][0] == t:
            tp += int(rows[i][1])
            i += 1
        precision, recall = tp / i, tp / positives
        if precision + 1e-12 >= min_precision and (best is None or recall > best["recall"]):
            best = {"threshold": t, "precision": precision, "recall": recall, "flagged": i}
    return best
