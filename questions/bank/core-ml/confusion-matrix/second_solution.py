import numpy as np


def confusion_matrix(y_true, y_pred, *, labels=None):
    # One-hot indicator matrices and one matrix product instead of counting in a loop.
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("y_true and y_pred must be non-empty and of the same length")
    if labels is None:
        labels = np.union1d(y_true, y_pred)
    else:
        labels = np.asarray(labels)
        if not np.isin(labels, y_true).any():
            raise ValueError("none of labels occurs in y_true")
    true_hot = (y_true[:, None] == labels[None, :]).astype(int)  # n x k: sample i has true label k
    pred_hot = (y_pred[:, None] == labels[None, :]).astype(int)
    return (true_hot.T @ pred_hot).tolist()
