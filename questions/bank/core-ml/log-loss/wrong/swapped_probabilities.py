import numpy as np


def log_loss(y_true, y_prob, *, eps=1e-15):
    y_true = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(y_prob, dtype=float), eps, 1 - eps)
    if y_true.shape != p.shape:
        raise ValueError("y_true and y_prob differ in length")
    if len(y_true) == 0:
        raise ValueError("empty input")
    return float(-np.mean(y_true * np.log(1 - p) + (1 - y_true) * np.log(p)))
