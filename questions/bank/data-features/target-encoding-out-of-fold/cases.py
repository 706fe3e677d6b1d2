def examples():
    return [
        {"category": "basic", "args": [["a", "a", "b", "b"], [1, 0, 1, 1]], "kwargs": {"n_splits": 2, "smoothing": 1.0}},
        {"category": "errors", "args": [["a"], [1, 0]]},
        {"category": "unseen in other folds", "args": [["a", "a", "b", "b", "c"], [1, 0, 0, 1, 1]],
         "kwargs": {"n_splits": 5, "smoothing": 0.0}},  # c is absent from the other folds: its row gets the prior
    ]


def hidden(rng):
    cases = [
        {"category": "rare categories", "args": [["x", "y", "z", "x", "y", "w"], [1, 0, 1, 1, 0, 1]], "kwargs": {"n_splits": 3, "smoothing": 0.0}},
        {"category": "rare categories", "args": [["only"] * 5, [1, 1, 0, 1, 0]], "kwargs": {"n_splits": 5, "smoothing": 2.0}},
        {"category": "unseen in other folds", "args": [["a", "a", "b", "c"], [1, 0, 1, 0]], "kwargs": {"n_splits": 2}},
        {"category": "unseen in other folds", "args": [["p", "q", "p", "r"], [0, 1, 1, 1]], "kwargs": {"n_splits": 4, "smoothing": 0.0}},
        {"category": "defaults", "args": [["u", "v"] * 6 + ["w"] * 3, [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1]]},
        {"category": "defaults", "args": [["u", "v", "u", "v", "v", "u", "u"], [0.5, 2.0, 1.5, 3.0, -1.0, 0.0, 2.5]],
         "kwargs": {"n_splits": 7}},  # one row per fold, real-valued targets
        {"category": "numpy input", "args": [["a", "b", "a", "b", "a", "c"], [1, 0, 0, 0, 1, 1]],
         "kwargs": {"n_splits": 3, "smoothing": 1.0}, "array_args": [0, 1]},
        {"category": "errors", "args": [["a", "b"], [1, 0]], "kwargs": {"n_splits": 3}},
        {"category": "errors", "args": [["a", "b", "c"], [1, 0]], "kwargs": {"n_splits": 2}},
        {"category": "errors", "args": [["a", "b"], [1, 0, 1]], "kwargs": {"n_splits": 2}},
        {"category": "errors", "args": [[], []], "kwargs": {"n_splits": 2}},
        {"category": "errors", "args": [["a", "b"], [1, 0]], "kwargs": {"n_splits": 1}},
    ]
    for _ in range(14):
        n = rng.randint(10, 120)
        cats = [rng.choice("abcdefg"[: rng.randint(2, 7)]) for _ in range(n)]
        y = [1 if rng.random() < 0.3 + 0.1 * "abcdefg".index(c) else 0 for c in cats]
        cases.append({"category": "random", "args": [cats, y], "kwargs": {"n_splits": rng.randint(2, 6), "smoothing": rng.choice([0.0, 1.0, 10.0])}})
    return cases
