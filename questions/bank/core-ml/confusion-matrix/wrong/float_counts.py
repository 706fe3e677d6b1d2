import numpy as np


def confusion_matrix(y_true, y_pred, *, labels=None):
    # Right counts, wrong type: np.zeros makes a float matrix, so every count comes back as 3.0, not 3.
    y_true, y_pred = list(y_true), list(y_pred)
    if len(y_true) != len(y_pred) or not y_true:
        raise ValueError("y_true and y_pred must be non-empty and of equal length")
    if labels is None:
        labels = sorted(set(y_true) | set(y_pred))
    else:
        labels = list(labels)
        if not set(labels) & set(y_true):
            raise ValueError("at least one label must be in y_true")
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)))
    for t, p in zip(y_true, y_pred):
        if t in index and p in index:
            matrix[index[t], index[p]] += 1
    return matrix.tolist()
