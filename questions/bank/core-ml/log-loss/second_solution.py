import math


def log_loss(y_true, y_prob, *, eps=1e-15):
    # Plain Python with math.log, one sample at a time.
    y_true, y_prob = list(y_true), list(y_prob)
    if not y_true or len(y_true) != len(y_prob):
        raise ValueError("y_true and y_prob must be non-empty and of the same length")
    total = 0.0
    for label, prob in zip(y_true, y_prob):
        p = min(max(float(prob), eps), 1 - eps)
        total -= math.log(p) if label == 1 else math.log(1 - p)
    return total / len(y_true)
