def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    # Off by one: every fold has n // k samples and the remainder is never tested.
    if n_splits < 2 or n_splits > n_samples:
        raise ValueError("bad n_splits")
    size = n_samples // n_splits
    folds = []
    for k in range(n_splits):
        test = list(range(k * size, (k + 1) * size))
        folds.append(([i for i in range(n_samples) if i not in test], test))
    return folds
