import numpy as np
from sklearn.metrics import roc_auc_score


def roc_auc(y_true, y_score):
    if len(y_true) != len(y_score):
        raise ValueError("y_true and y_score differ in length")
    if len(np.unique(y_true)) < 2:
        raise ValueError("ROC-AUC needs both classes in y_true")  # scikit-learn 1.9 warns and returns NaN
    return float(roc_auc_score(y_true, y_score))
