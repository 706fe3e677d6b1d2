import numpy as np


def average_precision(y_true, y_score):
    y_true, y_score = np.asarray(y_true), np.asarray(y_score, dtype=float)
    if len(y_true) != len(y_score) or not np.any(y_true == 1):
        raise ValueError("bad input")
    order = np.argsort(-y_score, kind="mergesort")
    hits = y_true[order] == 1
    tp = np.cumsum(hits)
    precision = tp / np.arange(1, len(hits) + 1)
    return float(np.sum(precision[hits]) / hits.sum())  # one threshold per sample, not per score
