import numpy as np


def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    # Wrong: refuses n_splits == n_samples (leave-one-out), the largest legal value.
    if n_splits < 2 or n_splits >= n_samples:
        raise ValueError("n_splits must be between 2 and n_samples - 1")
    indices = np.arange(n_samples)
    if shuffle:
        np.random.default_rng(random_state).shuffle(indices)
    folds = np.array_split(indices, n_splits)
    return [(np.concatenate(folds[:k] + folds[k + 1:]).tolist(), fold.tolist()) for k, fold in enumerate(folds)]
