def check(case, expected, got):
    y = case["args"][0]
    k = case["args"][1] if len(case["args"]) > 1 else case["kwargs"].get("n_splits", 5)
    n = len(y)
    if not isinstance(got, list) or len(got) != k:
        return f"expected a list of {k} (train, test) pairs"
    seen, sizes = [], []
    for pair in got:
        if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(p, list) for p in pair):
            return "each fold must be a pair (train_indices, test_indices)"
        train, test = pair
        if not all(type(i) is int for i in train + test):
            return "indices must be integers"
        if sorted(set(train) | set(test)) != list(range(n)) or set(train) & set(test) or len(train) + len(test) != n:
            return "train must be exactly the complement of test"
        seen += test
        sizes.append(len(test))
    if sorted(seen) != list(range(n)):
        return "the test folds must partition all indices"
    if max(sizes) - min(sizes) > 1:
        return "test folds must differ in size by at most one"
    for label in set(map(str, y)):
        m = sum(str(v) == label for v in y)
        low, high = m // k, -(-m // k)
        for _, test in got:
            count = sum(str(y[i]) == label for i in test)
            if not low <= count <= high:
                return "a class is not spread evenly across the folds"
    return None
