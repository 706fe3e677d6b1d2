import numpy as np


def average_precision(y_true, y_score):
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score, dtype=float)
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score differ in length")
    n_pos = int((y_true == 1).sum())
    if n_pos == 0:
        raise ValueError("average precision needs at least one positive")
    order = np.argsort(-y_score, kind="mergesort")
    scores, hits = y_score[order], (y_true[order] == 1)
    ap, tp, previous_recall = 0.0, 0, 0.0
    i = 0
    while i < len(scores):
        j = i
        while j < len(scores) and scores[j] == scores[i]:  # one threshold per distinct score
            tp += int(hits[j])
            j += 1
        seen = j
        recall = tp / n_pos
        ap += (recall - previous_recall) * (tp / seen)
        previous_recall = recall
        i = j
    return float(ap)
