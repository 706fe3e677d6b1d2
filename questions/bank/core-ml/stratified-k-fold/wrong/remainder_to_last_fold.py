def stratified_k_fold(y, n_splits=5):
    y = list(y)
    n = len(y)
    if n_splits < 2 or n_splits > n:
        raise ValueError("bad n_splits")
    folds = [[] for _ in range(n_splits)]
    for label in sorted(set(y), key=str):
        members = [i for i, v in enumerate(y) if v == label]
        per_fold = len(members) // n_splits
        for k in range(n_splits):
            stop = len(members) if k == n_splits - 1 else (k + 1) * per_fold
            folds[k] += members[k * per_fold:stop]
    return [([i for i in range(n) if i not in test], sorted(test)) for test in folds]
