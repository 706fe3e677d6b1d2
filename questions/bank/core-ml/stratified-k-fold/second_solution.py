import numpy as np


def stratified_k_fold(y, n_splits=5):
    # Sort the indices by label (stably) and deal that order out to the folds in turn: position p goes to fold
    # p mod k. Each class is a contiguous run of the order, so it is spread within one across the folds.
    labels = [str(v) for v in y]
    n = len(labels)
    if n_splits < 2 or n_splits > n:
        raise ValueError("n_splits must be at least 2 and at most the number of samples")
    order = np.argsort(np.array(labels, dtype=object), kind="stable")
    fold_of = np.empty(n, dtype=int)
    fold_of[order] = np.arange(n) % n_splits
    everything = np.arange(n)
    return [(everything[fold_of != k].tolist(), everything[fold_of == k].tolist()) for k in range(n_splits)]
