def examples():
    return [
        {"category": "balanced", "args": [[0, 0, 0, 1, 1, 1], 3]},
        {"category": "errors", "args": [[0, 1, 0], 4]},
    ]


def hidden(rng):
    cases = [
        {"category": "imbalanced", "args": [[0] * 18 + [1] * 2, 2]},
        {"category": "imbalanced", "args": [[0] * 9 + [1] * 3, 3]},
        {"category": "imbalanced", "args": [[1] * 3 + [0] * 20, 5]},
        {"category": "balanced", "args": [[0, 1] * 10, 4]},
        {"category": "balanced", "args": [["a", "b", "c"] * 5]},
        {"category": "balanced", "args": [[0, 1, 0, 1, 1], 5]},  # n_splits equal to the number of samples
        {"category": "imbalanced", "args": [["x", "y", "y", "y", "y", "y", "y"], 7]},
        {"category": "imbalanced", "args": [[3, 1, 2, 2, 2, 2, 2, 2], 4]},  # classes rarer than n_splits
        {"category": "errors", "args": [[0, 1, 0, 1], 1]},
        {"category": "errors", "args": [[0, 1, 0, 1], 0]},
        {"category": "errors", "args": [[], 2]},
        {"category": "errors", "args": [[0, 1], 3]},
        {"category": "numpy input", "args": [[2, 0, 1, 0, 0, 1, 2, 0, 0], 3], "array_args": [0]},
    ]
    for _ in range(15):
        n = rng.randint(10, 150)
        k = rng.randint(2, 8)
        rare = rng.choice([0.05, 0.1, 0.3, 0.5])
        y = [1 if rng.random() < rare else 0 for _ in range(n)]
        if rng.random() < 0.3:
            y = [v if rng.random() < 0.8 else 2 for v in y]
        cases.append({"category": "imbalanced" if rare < 0.3 else "balanced", "args": [y, k]})
    return cases
