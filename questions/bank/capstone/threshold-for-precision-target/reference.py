"""Trusted oracle: every distinct score tried in turn, the flagged rows counted directly."""
import math


def choose_threshold(y_true, scores, *, min_precision):
    labels, values = list(y_true), [float(s) for s in list(scores)]
    if not labels or len(labels) != len(values):
        raise ValueError("y_true and scores must be non-empty and of the same length")
    if any(label not in (0, 1) for label in labels):
        raise ValueError("every label must be 0 or 1")
    labels = [int(label) for label in labels]
    if any(math.isnan(s) for s in values):
        raise ValueError("a score is NaN")
    if not 0 < min_precision <= 1:
        raise ValueError("min_precision must be in (0, 1]")
    positives = sum(labels)
    if positives == 0:
        raise ValueError("there is no positive label")
    best = None
    for t in sorted(set(values), reverse=True):  # highest first: a later threshold wins only on more recall
        flagged = [label for label, s in zip(labels, values) if s >= t]
        tp = sum(flagged)
        precision = tp / len(flagged)
        recall = tp / positives
        if precision >= min_precision - 1e-12 and (best is None or recall > best["recall"]):
            best = {"threshold": t, "precision": precision, "recall": recall, "flagged": len(flagged)}
    return best
