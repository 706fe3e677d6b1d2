def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    # Wrong fold sizes: the extra samples all go into the last fold, not one each into the first folds.
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("bad n_splits")
    size = n_samples // n_splits
    folds = []
    for k in range(n_splits):
        stop = n_samples if k == n_splits - 1 else (k + 1) * size
        test = list(range(k * size, stop))
        folds.append(([i for i in range(n_samples) if i not in test], test))
    return folds
