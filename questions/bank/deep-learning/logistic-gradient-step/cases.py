def examples():
    return [
        {"category": "basic", "args": [[0.0, 0.0], 0.0, [[1.0, 2.0], [2.0, -1.0]], [1, 0], 0.1]},
        {"category": "errors", "args": [[0.0], 0.0, [[1.0, 2.0]], [1], 0.1]},
    ]


def hidden(rng):
    cases = [
        {"category": "basic", "args": [[1.0], 0.5, [[0.0]], [1], 1.0]},
        {"category": "basic", "args": [[0.5, -0.5], 0.0, [[1.0, 1.0], [1.0, 1.0]], [1, 1], 0.0]},
        {"category": "saturated", "args": [[50.0], 0.0, [[10.0], [-10.0]], [1, 0], 0.5]},
        {"category": "saturated", "args": [[100.0, -100.0], 0.0, [[-10.0, 0.0], [0.0, -10.0], [1.0, 1.0]], [1, 0, 1], 0.1]},  # logits ±1000
        {"category": "saturated", "args": [[0.0], 800.0, [[1.0], [2.0]], [0, 1], 1.0]},
        {"category": "errors", "args": [[0.0, 1.0], 0.0, [[1.0, 2.0]], [1, 0], 0.1]},
        {"category": "errors", "args": [[0.5], 0.0, [[1.0], [2.0]], [1], 0.1]},  # y too short: NumPy would broadcast it
        {"category": "errors", "args": [[1.0], 0.0, [2.0], [1], 0.1]},  # X is not 2-D
        {"category": "errors", "args": [[1.0, 0.0], 0.0, [[1.0], [2.0]], [1, 0], 0.1]},  # w too long
        {"category": "numpy input", "args": [[0.2, -0.1], 0.3, [[1.0, 0.5], [-1.0, 2.0], [0.0, 1.0]], [1, 0, 1], 0.5], "array_args": [0, 2, 3]},
    ]
    for _ in range(15):
        n, d = rng.randint(1, 30), rng.randint(1, 5)
        X = [[round(rng.gauss(0, 2), 3) for _ in range(d)] for _ in range(n)]
        cases.append({"category": "random", "args": [[rng.uniform(-1, 1) for _ in range(d)], rng.uniform(-1, 1), X,
                                                     [rng.randint(0, 1) for _ in range(n)], rng.choice([0.01, 0.1, 1.0])]})
    return cases
