def examples():
    return [
        {"category": "basic", "args": [5, 2], "kwargs": {"random_state": 0}},
        {"category": "errors", "args": [0, 3]},
    ]


def hidden(rng):
    cases = [
        {"category": "basic", "args": [1, 3], "kwargs": {"random_state": 1}},
        {"category": "with replacement", "args": [200, 5], "kwargs": {"random_state": 3}},
        {"category": "with replacement", "args": [1000, 3], "kwargs": {"random_state": 11}},
        {"category": "reproducible", "args": [50, 4], "kwargs": {"random_state": 42}, "calls": 2},
        {"category": "reproducible", "args": [40, 3], "kwargs": {"random_state": 0}, "calls": 2},  # 0 is a seed too
        {"category": "uniform", "args": [10, 3000], "kwargs": {"random_state": 4}},
        {"category": "uniform", "args": [7, 4000]},
        {"category": "basic", "args": [4, 1], "kwargs": {"random_state": 5}},
        {"category": "every index can be drawn", "args": [2, 40], "kwargs": {"random_state": 2}},
        {"category": "every index can be drawn", "args": [7, 50], "kwargs": {"random_state": 8}},
        {"category": "every index can be drawn", "args": [60, 40]},  # no random_state: any samples will do
        {"category": "errors", "args": [10, 0]},
        {"category": "errors", "args": [0, 3]},
        {"category": "errors", "args": [-5, 2]},
        {"category": "errors", "args": [3, -1]},
    ]
    for _ in range(8):
        cases.append({"category": "reproducible", "args": [rng.randint(30, 300), rng.randint(2, 20)],
                      "kwargs": {"random_state": rng.randint(0, 10**6)}, "calls": 2})
    return cases
