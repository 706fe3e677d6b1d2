def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    # Leakage: the training indices include the test fold.
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("bad n_splits")
    sizes = [n_samples // n_splits + (1 if k < n_samples % n_splits else 0) for k in range(n_splits)]
    folds, start = [], 0
    for size in sizes:
        folds.append((list(range(n_samples)), list(range(start, start + size))))
        start += size
    return folds
