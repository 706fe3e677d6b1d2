import numpy as np


def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    """F1 score like sklearn.metrics.f1_score(..., zero_division=0)."""
    raise NotImplementedError
