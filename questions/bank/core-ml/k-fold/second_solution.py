import random


def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):
    # Plain Python: cut the (possibly shuffled) index list at fold boundaries computed up front.
    if not 2 <= n_splits <= n_samples:
        raise ValueError("n_splits must be at least 2 and at most n_samples")
    order = list(range(n_samples))
    if shuffle:
        random.Random(random_state).shuffle(order)
    base, extra = divmod(n_samples, n_splits)
    bounds = [0]
    for k in range(n_splits):
        bounds.append(bounds[-1] + base + (1 if k < extra else 0))
    splits = []
    for k in range(n_splits):
        test = order[bounds[k]:bounds[k + 1]]
        train = order[:bounds[k]] + order[bounds[k + 1]:]
        splits.append((train, test))
    return splits
