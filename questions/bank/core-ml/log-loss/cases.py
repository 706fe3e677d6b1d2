def examples():
    return [
        {"category": "basic", "args": [[1, 0, 1], [0.9, 0.2, 0.6]]},
        {"category": "clipping", "args": [[1, 0], [0.0, 1.0]]},
    ]


def hidden(rng):
    cases = [
        {"category": "basic", "args": [[1], [0.5]]},
        {"category": "basic", "args": [[0, 0, 0], [0.1, 0.2, 0.3]]},
        {"category": "clipping", "args": [[1, 1], [1.0, 0.0]]},
        {"category": "clipping", "args": [[0, 1], [0.0, 1.0]]},
        {"category": "clipping", "args": [[1, 0], [0.0, 1.0]], "kwargs": {"eps": 1e-3}},
        {"category": "clipping", "args": [[0, 1], [0.9999999999999999, 1e-300]]},  # next to 1 and 0: still clipped
        {"category": "clipping", "args": [[1, 0, 1], [1, 0, 1]]},  # integer probabilities
        {"category": "clipping", "args": [[1, 0], [0.7, 0.2]], "kwargs": {"eps": 0.25}},  # eps bites inside (0, 1)
        {"category": "errors", "args": [[1, 0], [0.5]]},
        {"category": "errors", "args": [[1], [0.5, 0.5]], "array_args": [0, 1]},
        {"category": "errors", "args": [[], []]},
        {"category": "numpy input", "args": [[1, 0, 1, 1], [0.8, 0.3, 0.55, 0.99]], "array_args": [0, 1]},
    ]
    for _ in range(15):
        n = rng.randint(1, 100)
        y = [rng.randint(0, 1) for _ in range(n)]
        p = [min(1.0, max(0.0, round(rng.gauss(0.7 if t else 0.3, 0.25), 4))) for t in y]
        cases.append({"category": "random", "args": [y, p]})
    return cases
