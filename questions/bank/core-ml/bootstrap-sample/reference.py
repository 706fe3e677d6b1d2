import numpy as np


def bootstrap_indices(n_samples, n_bootstraps, *, random_state=None):
    if n_samples < 1 or n_bootstraps < 1:
        raise ValueError("n_samples and n_bootstraps must be positive")
    rng = np.random.default_rng(random_state)
    return [rng.integers(0, n_samples, size=n_samples).tolist() for _ in range(n_bootstraps)]
