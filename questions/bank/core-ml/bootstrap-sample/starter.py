import numpy as np


def bootstrap_indices(n_samples, n_bootstraps, *, random_state=None):
    raise NotImplementedError
