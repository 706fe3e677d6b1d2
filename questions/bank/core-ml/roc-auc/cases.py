def examples():
    return [
        {"category": "basic", "args": [[0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]]},
        {"category": "errors", "args": [[1, 1, 1], [0.2, 0.5, 0.9]]},
    ]


def hidden(rng):
    cases = [
        {"category": "basic", "args": [[0, 1], [0.0, 1.0]]},
        {"category": "basic", "args": [[0, 1], [1.0, 0.0]]},
        {"category": "ties", "args": [[0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]]},
        {"category": "ties", "args": [[0, 0, 1, 1, 1], [0.2, 0.7, 0.7, 0.9, 0.2]]},
        {"category": "errors", "args": [[0, 0], [0.1, 0.2]]},
        {"category": "errors", "args": [[1, 1, 1], [0.3, 0.1, 0.2]]},
        {"category": "errors", "args": [[], []]},
        {"category": "errors", "args": [[0, 1], [0.5]], "array_args": [0, 1]},
        {"category": "ties", "args": [[1, 0, 0, 1, 0, 1], [2, 2, 2, 1, 1, 3]]},  # integer scores
        {"category": "basic", "args": [[0, 1, 0], [-1e-9, 1e-9, -5.0]]},  # tiny and negative scores
        {"category": "errors", "args": [[0, 1, 1], [0.1, 0.2]]},
        {"category": "numpy input", "args": [[1, 0, 1, 0, 0], [3.0, -1.0, 2.5, 2.5, 0.0]], "array_args": [0, 1]},
    ]
    for _ in range(20):
        n = rng.randint(4, 200)
        y = [rng.randint(0, 1) for _ in range(n)]
        y[0], y[1] = 0, 1
        scores = [round(rng.gauss(1.0 if t else 0.0, 1.0), rng.choice([1, 3])) for t in y]
        cases.append({"category": "random", "args": [y, scores]})
    return cases
