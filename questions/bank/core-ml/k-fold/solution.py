import numpy as np


def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError(f"n_splits must be between 2 and n_samples={n_samples}, got {n_splits}")
    indices = np.arange(n_samples)
    if shuffle:
        np.random.default_rng(random_state).shuffle(indices)
    sizes = np.full(n_splits, n_samples // n_splits)
    sizes[: n_samples % n_splits] += 1
    folds, start = [], 0
    for size in sizes:
        test = indices[start : start + size]
        train = np.concatenate([indices[:start], indices[start + size :]])
        folds.append((train.tolist(), test.tolist()))
        start += size
    return folds
