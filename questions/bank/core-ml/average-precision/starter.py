import numpy as np


def average_precision(y_true, y_score):
    raise NotImplementedError
