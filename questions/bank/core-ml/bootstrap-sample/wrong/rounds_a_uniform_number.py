import numpy as np


def bootstrap_indices(n_samples, n_bootstraps, *, random_state=None):
    """Rounds a uniform number from [0, n - 1]: the first and last index come up half as often as the others."""
    if n_samples < 1 or n_bootstraps < 1:
        raise ValueError("n_samples and n_bootstraps must be at least 1")
    rng = np.random.default_rng(random_state)
    return [np.round(rng.uniform(0, n_samples - 1, n_samples)).astype(int).tolist() for _ in range(n_bootstraps)]
