import numpy as np


def precision_recall(y_true, y_pred, *, pos_label=1):
    # NumPy boolean masks instead of Python loops.
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("expected two non-empty label arrays of the same length")
    classes = np.union1d(y_true, y_pred)
    if classes.size > 2:
        raise ValueError("precision_recall takes binary labels only")
    if classes.size == 2 and not np.any(classes == pos_label):
        raise ValueError("pos_label is not one of the two labels")
    is_true, is_pred = y_true == pos_label, y_pred == pos_label
    tp = np.count_nonzero(is_true & is_pred)
    n_pred, n_true = np.count_nonzero(is_pred), np.count_nonzero(is_true)
    precision = tp / n_pred if n_pred > 0 else 0.0
    recall = tp / n_true if n_true > 0 else 0.0
    return float(precision), float(recall)
