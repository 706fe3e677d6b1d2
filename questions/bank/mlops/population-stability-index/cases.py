def examples():
    return [
        {"category": "no drift", "args": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], "kwargs": {"bins": 5}},
        {"category": "drift", "args": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [8, 9, 9, 10, 10, 10, 11, 12, 12, 13]], "kwargs": {"bins": 5}},
    ]


def hidden(rng):
    cases = [
        {"category": "empty bins", "args": [[0.0] * 5 + [1.0] * 5, [5.0] * 4]},
        {"category": "ties", "args": [[1, 1, 1, 1, 2, 2, 3, 3, 3, 9], [1, 2, 2, 3, 9, 9]], "kwargs": {"bins": 4}},
        {"category": "empty bins", "args": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [0, 0, 0]], "kwargs": {"bins": 5}},  # all below
        {"category": "empty bins", "args": [[3.0, 1.0, 2.0], [2.0]], "kwargs": {"bins": 2}},  # fewest bins, one value
        {"category": "ties", "args": [[5.0], [5.0, 4.0, 6.0]], "kwargs": {"bins": 3}},  # one training value: no cut
        {"category": "ties", "args": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2.8, 2.8, 5.5, 10, 11]], "kwargs": {"bins": 50}},
        {"category": "ties", "args": [[0.1, 0.2, 0.3, 0.4], [0.1, 0.2, 0.30000000000000004, 0.4]], "kwargs": {"bins": 4}},
        {"category": "errors", "args": [[], [1.0]]},
        {"category": "errors", "args": [[1.0, 2.0], []]},
        {"category": "errors", "args": [[1.0, 2.0], [1.0]], "kwargs": {"bins": 0}},
        {"category": "errors", "args": [[1.0, 2.0], [1.0]], "kwargs": {"bins": 1}},
    ]
    for _ in range(8):
        n = rng.randint(50, 400)
        base = [rng.gauss(0, 1) for _ in range(n)]
        cases.append({"category": "no drift", "args": [base, [rng.gauss(0, 1) for _ in range(rng.randint(50, 400))]]})
    for _ in range(8):
        n = rng.randint(50, 400)
        base = [rng.gauss(0, 1) for _ in range(n)]
        cases.append({"category": "drift", "args": [base, [rng.gauss(rng.uniform(0.3, 2), rng.uniform(0.5, 2)) for _ in range(rng.randint(50, 400))]],
                      "kwargs": {"bins": rng.choice([5, 10, 20])}})
    return cases
