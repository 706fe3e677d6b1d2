import numpy as np


def roc_auc(y_true, y_score):
    y_true, y_score = np.asarray(y_true), np.asarray(y_score, dtype=float)
    if len(y_true) != len(y_score) or len(set(y_true.tolist())) < 2:
        raise ValueError("bad input")
    pos, neg = y_score[y_true == 1], y_score[y_true == 0]
    return float(np.mean([p > n for p in pos for n in neg]))  # ties count zero instead of half
