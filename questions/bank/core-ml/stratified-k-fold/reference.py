import numpy as np


def stratified_k_fold(y, n_splits=5):
    y = list(y)
    n = len(y)
    if n_splits < 2 or n_splits > n:
        raise ValueError(f"n_splits must be between 2 and {n}")
    folds = [[] for _ in range(n_splits)]
    fold = 0
    for label in sorted(set(y), key=str):
        # Deal each class's samples round-robin, continuing where the previous class stopped,
        # so every class is spread as evenly as possible and fold sizes stay within one.
        for index in [i for i, v in enumerate(y) if v == label]:
            folds[fold].append(index)
            fold = (fold + 1) % n_splits
    return [([i for i in range(n) if i not in set(test)], sorted(test)) for test in folds]
