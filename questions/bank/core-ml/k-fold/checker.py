"""Checks for k-fold: exact folds without shuffling, properties with shuffling. Returns None or the problem."""


def _folds(got, n_splits):
    if not isinstance(got, list) or len(got) != n_splits:
        return None, f"expected a list of {n_splits} (train, test) pairs"
    folds = []
    for pair in got:
        if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(part, list) for part in pair):
            return None, "each fold must be a pair (train_indices, test_indices)"
        if not all(type(i) is int for part in pair for i in part):
            return None, "indices must be integers"
        folds.append((pair[0], pair[1]))
    return folds, None


def check(case, expected, got):
    if isinstance(expected, dict) and "raises" in expected:
        return None  # raising is checked before the checker runs
    kwargs = case["kwargs"]
    n = case["args"][0]
    n_splits = case["args"][1] if len(case["args"]) > 1 else kwargs.get("n_splits", 5)
    runs = got if case.get("calls", 1) > 1 else [got]
    if not isinstance(runs, list) or not runs:
        return "expected a list of folds"
    first, problem = _folds(runs[0], n_splits)
    if problem:
        return problem
    reference = expected[0] if case.get("calls", 1) > 1 else expected
    sizes = [len(test) for _, test in reference]
    everything = set(range(n))
    seen = []
    for (train, test), size in zip(first, sizes):
        if len(test) != size:
            return f"fold sizes should be {sizes}"
        if len(set(test)) != len(test) or len(set(train)) != len(train):
            return "an index appears twice in one fold"
        if set(train) | set(test) != everything or set(train) & set(test):
            return "train must be exactly the complement of test"
        seen.extend(test)
    if sorted(seen) != list(range(n)):
        return "the test folds must partition 0 .. n_samples - 1"
    if not kwargs.get("shuffle"):
        for (train, test), (ref_train, ref_test) in zip(first, reference):
            if sorted(test) != sorted(ref_test):
                return "without shuffling the folds must be consecutive blocks, in order"
        return None
    for other in runs[1:]:
        again, problem = _folds(other, n_splits)
        if problem or [sorted(t) for _, t in again] != [sorted(t) for _, t in first]:
            return "the same random_state must give the same folds"
    unshuffled, start = [], 0
    for size in sizes:
        unshuffled.append(list(range(start, start + size)))
        start += size
    if n >= 20 and all(sorted(test) == block for (_, test), block in zip(first, unshuffled)):
        return "with shuffle=True the folds must not be the unshuffled blocks"
    # Shuffled samples almost never leave a test fold of 8 or more as a run of consecutive indices (about one
    # chance in a million at n = 40): one that does shuffled the folds' order, or reversed, not the samples.
    if any(len(test) >= 8 and sorted(test) == list(range(min(test), min(test) + len(test))) for _, test in first):
        return "with shuffle=True the samples must be shuffled: a test fold is a run of consecutive indices"
    return None
