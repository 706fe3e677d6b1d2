import numpy as np


def bootstrap_indices(n_samples, n_bootstraps, *, random_state=None):
    # Wrong: scaling a uniform number by n - 1 and truncating never draws the last index, n - 1.
    if n_samples < 1 or n_bootstraps < 1:
        raise ValueError("n_samples and n_bootstraps must be positive")
    rng = np.random.default_rng(random_state)
    return [[int(u * (n_samples - 1)) for u in rng.random(n_samples)] for _ in range(n_bootstraps)]
