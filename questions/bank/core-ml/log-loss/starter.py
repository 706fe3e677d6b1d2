import numpy as np


def log_loss(y_true, y_prob, *, eps=1e-15):
    raise NotImplementedError
