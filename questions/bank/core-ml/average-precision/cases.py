def examples():
    return [
        {"category": "basic", "args": [[0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]]},
        {"category": "ties", "args": [[1, 0, 1], [0.5, 0.5, 0.2]]},
    ]


def hidden(rng):
    cases = [
        {"category": "basic", "args": [[1, 1, 0], [0.9, 0.8, 0.1]]},
        {"category": "basic", "args": [[0, 0, 1], [0.9, 0.8, 0.1]]},
        {"category": "basic", "args": [[1], [0.3]]},
        {"category": "ties", "args": [[0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]]},
        {"category": "ties", "args": [[1, 0, 0, 1, 1, 0], [0.9, 0.9, 0.4, 0.4, 0.1, 0.1]]},
        {"category": "errors", "args": [[0, 0, 0], [0.1, 0.5, 0.3]]},
        {"category": "errors", "args": [[0, 1], [0.1]]},
        {"category": "errors", "args": [[], []]},
        {"category": "errors", "args": [[1], [0.3, 0.4]], "array_args": [0, 1]},
        {"category": "ties", "args": [[1, 1, 1], [0.2, 0.2, 0.2]]},
        {"category": "basic", "args": [[0, 1, 1, 0, 1], [3, -2, 7, 7, 0]]},  # integer and negative scores
        {"category": "basic", "args": [[1, 0, 1], [1e-12, 2e-12, 0.0]]},  # tiny but distinct scores
        {"category": "numpy input", "args": [[1, 0, 1, 0], [0.2, 0.3, 0.9, 0.1]], "array_args": [0, 1]},
    ]
    for _ in range(20):
        n = rng.randint(3, 200)
        rate = rng.choice([0.05, 0.2, 0.5])
        y = [1 if rng.random() < rate else 0 for _ in range(n)]
        y[0] = 1
        scores = [round(rng.gauss(1.0 if t else 0.0, 1.0), rng.choice([1, 3])) for t in y]
        cases.append({"category": "random", "args": [y, scores]})
    return cases
