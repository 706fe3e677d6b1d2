import numpy as np


def spearman(x, y):
    """Spearman's rank correlation: the Pearson correlation of the ranks, ties sharing their mean rank."""
    raise NotImplementedError
