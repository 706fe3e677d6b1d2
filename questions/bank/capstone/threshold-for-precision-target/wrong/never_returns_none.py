import numpy as np


def choose_threshold(y_true, scores, *, min_precision):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    if y.ndim != 1 or y.size == 0 or y.shape != s.shape:
        raise ValueError("y_true and scores must be non-empty 1-D sequences of the same length")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("every label must be 0 or 1")
    if np.isnan(s).any():
        raise ValueError("a score is NaN")
    if not 0 < min_precision <= 1:
        raise ValueError("min_precision must be in (0, 1]")
    y = y.astype(int)
    positives = int(y.sum())
    if positives == 0:
        raise ValueError("there is no positive label")
    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    tp = np.cumsum(y_sorted)
    flagged = np.arange(1, len(s) + 1)
    # A threshold flags every row with an equal score, so only the last row of each run of equal scores counts.
    last_of_run = np.append(s_sorted[1:] != s_sorted[:-1], True)
    tp, flagged, thresholds = tp[last_of_run], flagged[last_of_run], s_sorted[last_of_run]
    precision = tp / flagged
    meets = precision >= min_precision - 1e-12
    if not meets.any():
        meets = precision == precision.max()
    recall = tp / positives
    best_recall = recall[meets].max()
    # Thresholds run from high to low, so the first with the best recall is the highest one.
    i = int(np.flatnonzero(meets & (recall == best_recall))[0])
    return {"threshold": float(thresholds[i]), "precision": float(precision[i]), "recall": float(recall[i]),
            "flagged": int(flagged[i])}
