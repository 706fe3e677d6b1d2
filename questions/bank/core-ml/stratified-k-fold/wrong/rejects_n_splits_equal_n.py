def stratified_k_fold(y, n_splits=5):
    # Wrong: refuses n_splits == len(y) (one sample per fold), the largest legal value.
    y = list(y)
    n = len(y)
    if n_splits < 2 or n_splits >= n:
        raise ValueError("n_splits out of range")
    folds = [[] for _ in range(n_splits)]
    position = 0
    for label in sorted(set(y), key=str):
        for index in [i for i, v in enumerate(y) if v == label]:
            folds[position % n_splits].append(index)
            position += 1
    return [([i for i in range(n) if i not in test], sorted(test)) for test in folds]
