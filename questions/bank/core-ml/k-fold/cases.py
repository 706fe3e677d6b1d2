def examples():
    return [
        {"category": "unshuffled", "args": [10, 3]},
        {"category": "errors", "args": [3, 5]},
    ]


def hidden(rng):
    cases = [
        {"category": "unshuffled", "args": [10, 5]},
        {"category": "unshuffled", "args": [11, 3]},
        {"category": "unshuffled", "args": [7, 7]},  # leave-one-out
        {"category": "unshuffled", "args": [2, 2]},
        {"category": "unshuffled", "args": [17], "kwargs": {}},  # default n_splits=5
        {"category": "unshuffled", "args": [103, 10]},
        {"category": "errors", "args": [10, 1]},
        {"category": "errors", "args": [4, 5]},
        {"category": "errors", "args": [0, 2]},
        {"category": "shuffled", "args": [50, 5], "kwargs": {"shuffle": True, "random_state": 0}, "calls": 2},
        {"category": "shuffled", "args": [23, 4], "kwargs": {"shuffle": True, "random_state": 42}, "calls": 2},
        {"category": "shuffled", "args": [101, 3], "kwargs": {"shuffle": True, "random_state": 7}, "calls": 2},
        {"category": "shuffled", "args": [30, 30], "kwargs": {"shuffle": True, "random_state": 3}, "calls": 2},  # leave-one-out
        {"category": "shuffled", "args": [40, 4], "kwargs": {"shuffle": True}},  # no seed: any shuffle will do
        {"category": "errors", "args": [5, 6], "kwargs": {"shuffle": True, "random_state": 0}},
    ]
    for _ in range(10):
        n = rng.randint(2, 200)
        k = rng.randint(2, min(n, 12))
        cases.append({"category": "unshuffled", "args": [n, k]})
    for _ in range(8):
        n = rng.randint(20, 300)
        k = rng.randint(2, 10)
        cases.append({"category": "shuffled", "args": [n, k], "kwargs": {"shuffle": True, "random_state": rng.randint(0, 10**6)}, "calls": 2})
    return cases
