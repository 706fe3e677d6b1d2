import numpy as np


def ridge_fit(X, y, alpha):
    raise NotImplementedError
