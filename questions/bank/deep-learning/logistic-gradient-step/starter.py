import numpy as np


def logistic_gd_step(w, b, X, y, lr):
    raise NotImplementedError
