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
        {"category": "errors", "args": [[0.0, 1.0], 0.0, [[1.0, 2.0]], [1, 0], 0.1]},
    ]
    for _ in range(15):
        n, d = rng.randint(1, 30), rng.randint(1, 5)
        X = [[round(rng.gauss(0, 2), 3) for _ in range(d)] for _ in range(n)]
        cases.append({"category": "random", "args": [[rng.uniform(-1, 1) for _ in range(d)], rng.uniform(-1, 1), X,
                                                     [rng.randint(0, 1) for _ in range(n)], rng.choice([0.01, 0.1, 1.0])]})
    return cases
