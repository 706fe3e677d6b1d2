import numpy as np


def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    """Reverses the samples for shuffle=True, whatever the seed: the same seed gives the same folds, and they are
    not the unshuffled blocks, but nothing is random."""
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("n_splits must be between 2 and n_samples")
    order = np.arange(n_samples)[::-1] if shuffle else np.arange(n_samples)
    sizes = [n_samples // n_splits + (1 if i < n_samples % n_splits else 0) for i in range(n_splits)]
    folds, start = [], 0
    for size in sizes:
        test = order[start:start + size]
        train = np.concatenate([order[:start], order[start + size:]])
        folds.append((train.tolist(), test.tolist()))
        start += size
    return folds
