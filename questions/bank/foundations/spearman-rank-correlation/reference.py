import warnings

import numpy as np
from scipy.stats import spearmanr


def spearman(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.shape != y.shape:
        raise ValueError("x and y differ in length")
    if x.size < 2:
        raise ValueError("need at least 2 pairs")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SciPy warns about constant input and returns NaN, as the task asks
        return float(spearmanr(x, y).statistic)
