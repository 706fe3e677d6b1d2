import random


def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    # Ignores random_state: every call shuffles differently.
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("bad n_splits")
    indices = list(range(n_samples))
    if shuffle:
        random.shuffle(indices)
    sizes = [n_samples // n_splits + (1 if k < n_samples % n_splits else 0) for k in range(n_splits)]
    folds, start = [], 0
    for size in sizes:
        test = indices[start:start + size]
        folds.append((indices[:start] + indices[start + size:], test))
        start += size
    return folds
