import warnings

import numpy as np
from sklearn.metrics import average_precision_score


def average_precision(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score differ in length")
    if not np.any(np.asarray(y_true) == 1):
        raise ValueError("average precision needs at least one positive")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(average_precision_score(y_true, y_score))
