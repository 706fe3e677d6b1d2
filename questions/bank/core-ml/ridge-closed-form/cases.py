def examples():
    return [
        {"category": "basic", "args": [[[1.0], [2.0], [3.0]], [2.0, 4.0, 6.0], 0.0]},
        {"category": "basic", "args": [[[1.0], [2.0], [3.0]], [2.0, 4.0, 6.0], 1.0]},
    ]


def hidden(rng):
    cases = [
        {"category": "collinear", "args": [[[1.0, 2.0], [2.0, 4.0], [3.0, 6.0], [4.0, 8.0]], [1.0, 2.0, 3.0, 4.5], 0.5]},
        {"category": "basic", "args": [[[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [3.0, 5.0, 7.0], 2.0]},
        {"category": "no penalty", "args": [[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]], [1.0, 2.0, 2.5, 4.0], 0.0]},
        {"category": "no penalty", "args": [[[3.0], [1.0], [2.0]], [5.0, 1.0, 4.0], 0]},  # alpha 0 as an int
        {"category": "edge cases", "args": [[[2.0, 5.0]], [7.0], 1.0]},  # one row: nothing to fit but the intercept
        {"category": "edge cases", "args": [[[1.0, 2.0, 0.0], [0.0, 1.0, 3.0]], [1.0, -1.0], 0.3]},  # more features than rows
        {"category": "numpy input", "args": [[[1.0, 2.0], [2.0, 1.0], [4.0, 0.0]], [3.0, 2.0, 1.0], 0.5], "array_args": [0, 1]},
        {"category": "errors", "args": [[1.0, 2.0], [1.0, 2.0], 1.0]},
        {"category": "errors", "args": [[[1.0], [2.0], [3.0]], [1.0, 2.0], 0.0]},
        {"category": "errors", "args": [[[1.0], [2.0]], [1.0], 1.0]},
        {"category": "errors", "args": [[[1.0], [2.0]], [1.0, 2.0], -1.0]},
    ]
    for _ in range(15):
        n, d = rng.randint(5, 40), rng.randint(1, 5)
        w = [rng.uniform(-3, 3) for _ in range(d)]
        X = [[round(rng.gauss(5, 3), 3) for _ in range(d)] for _ in range(n)]
        y = [sum(a * b for a, b in zip(row, w)) + 10 + rng.gauss(0, 1) for row in X]
        cases.append({"category": "random", "args": [X, y, rng.choice([0.01, 0.1, 1.0, 10.0, 100.0])]})
    return cases
