"""Cases for two-layer-backprop: visible examples, and hidden fixed edge cases plus seeded random ones."""


def _case(category, X, y, W1, b1, W2, b2, array_args=()):
    return {"category": category, "args": [X, y, W1, b1, W2, b2], "array_args": list(array_args)}


W1 = [[0.5, -0.3, 0.8], [-0.2, 0.4, 0.1]]  # d = 2, h = 3
B1 = [0.1, 0.0, -0.2]
W2 = [[0.3, -0.6], [0.7, 0.2], [-0.5, 0.4]]  # h = 3, k = 2
B2 = [0.05, -0.05]


def examples():
    return [
        _case("basic", [[1.0, 2.0], [-1.0, 0.5]], [0, 1], W1, B1, W2, B2),
        _case("invalid inputs", [[1.0, 2.0]], [2], W1, B1, W2, B2),
    ]


def hidden(rng):
    X3 = [[0.2, -1.0, 0.5, 1.5], [1.0, 0.0, -0.5, 2.0], [-1.5, 0.8, 0.3, -0.2], [0.0, 0.4, 1.2, -1.0], [2.0, -0.3, 0.0, 0.7]]
    W13 = [[0.4, -0.7, 0.2, 0.1, -0.3], [0.3, 0.5, -0.6, 0.0, 0.8], [-0.2, 0.1, 0.9, -0.4, 0.2], [0.6, -0.1, 0.3, 0.5, -0.5]]
    B13 = [0.0, 0.1, -0.1, 0.2, 0.05]
    W23 = [[0.5, -0.2, 0.1], [-0.3, 0.8, 0.4], [0.2, 0.1, -0.7], [0.9, -0.5, 0.3], [-0.1, 0.6, 0.2]]
    B23 = [0.1, 0.0, -0.1]
    cases = [
        _case("basic", [[1.0, 2.0]], [1], W1, B1, W2, B2),  # one example
        _case("basic", X3, [0, 2, 1, 2, 0], W13, B13, W23, B23),  # d=4, h=5, k=3
        _case("basic", X3, [1, 1, 1, 1, 1], W13, B13, W23, B23),
        _case("ReLU at and below zero", [[0.0, 0.0], [1.0, -1.0]], [0, 1], W1, [0.0, 0.0, 0.0], W2, B2),  # Z1 = 0 exactly
        _case("ReLU at and below zero", [[1.0, 1.0], [2.0, 2.0]], [1, 0], [[1.0, -1.0], [-1.0, 1.0]], [0.0, 0.0],
              [[0.5, -0.5], [1.0, 2.0]], [0.0, 0.0]),  # every pre-activation is exactly 0
        _case("ReLU at and below zero", [[1.0, 2.0], [0.5, 0.5]], [0, 1], W1, [-5.0, -5.0, -5.0], W2, B2),  # all dead
        _case("large logits", [[1.0, 2.0], [-1.0, 0.5]], [0, 1], W1, B1, [[300.0, -600.0], [700.0, 200.0], [-500.0, 400.0]], B2),
        _case("large logits", [[3.0, 1.0]], [1], [[1.0], [1.0]], [0.0], [[500.0, -500.0]], [0.0, 0.0]),  # loss 4000
        _case("large logits", [[3.0, 1.0], [1.0, 1.0]], [0, 0], [[1.0], [1.0]], [0.0], [[-900.0, -1000.0]], [0.0, 0.0]),
        _case("one class", [[1.0, 2.0], [-1.0, 0.5]], [0, 0], W1, B1, [[0.3], [0.7], [-0.5]], [0.2]),  # k = 1: loss 0
        _case("array inputs", X3, [0, 2, 1, 2, 0], W13, B13, W23, B23, array_args=(0, 1, 2, 3, 4, 5)),
        _case("invalid inputs", [[1.0, 2.0], [0.0, 1.0]], [0, -1], W1, B1, W2, B2),  # -1 would wrap around
        _case("invalid inputs", [[1.0, 2.0], [0.0, 1.0]], [0, 2], W1, B1, W2, B2),
        _case("invalid inputs", [[1.0, 2.0], [0.0, 1.0]], [0.0, 1.0], W1, B1, W2, B2),
        _case("invalid inputs", [[1.0, 2.0], [0.0, 1.0]], [0, 1, 1], W1, B1, W2, B2),
        _case("invalid inputs", [[1.0, 2.0], [0.0, 1.0]], [0], W1, B1, W2, B2),
        _case("invalid inputs", [1.0, 2.0], [0], W1, B1, W2, B2),
        _case("invalid inputs", [], [], W1, B1, W2, B2),
        _case("invalid inputs", [[1.0, 2.0, 3.0]], [0], W1, B1, W2, B2),  # d differs from W1
        _case("invalid inputs", [[1.0, 2.0]], [0], W1, [0.1, 0.0], W2, B2),  # b1 too short
        _case("invalid inputs", [[1.0, 2.0]], [0], W1, [B1], W2, B2),  # b1 is 2-D
        _case("invalid inputs", [[1.0, 2.0]], [0], W1, B1, W2[:2], B2),  # W2 has too few rows
        _case("invalid inputs", [[1.0, 2.0]], [0], W1, B1, W2, [0.0, 0.0, 0.0]),  # b2 too long
        _case("invalid inputs", [[1.0, 2.0]], [0], W1, B1, W2, [B2]),  # b2 is 2-D
    ]
    for _ in range(15):
        n, d, h, k = rng.randint(1, 8), rng.randint(1, 5), rng.randint(1, 6), rng.randint(2, 5)
        scale = 30.0 if rng.random() < 0.2 else 1.0

        def matrix(rows, cols, s=1.0):
            return [[round(rng.gauss(0, s), 4) for _ in range(cols)] for _ in range(rows)]

        cases.append(_case("random", matrix(n, d), [rng.randrange(k) for _ in range(n)], matrix(d, h), matrix(1, h)[0],
                           matrix(h, k, scale), matrix(1, k)[0], array_args=(0, 1) if rng.random() < 0.3 else ()))
    return cases
