def examples():
    return [
        {"category": "basic", "args": [[[1.0, 10.0], [3.0, 30.0]], [[2.0, 50.0]]]},
        {"category": "constant column", "args": [[[5.0, 1.0], [5.0, 3.0]], [[6.0, 2.0]]]},
    ]


def hidden(rng):
    cases = [
        {"category": "basic", "args": [[[0.0], [2.0], [4.0]], [[100.0], [-100.0]]]},
        {"category": "constant column", "args": [[[1.0, 7.0, 2.0], [1.0, 7.0, 4.0]], [[0.0, 8.0, 3.0]]]},
        {"category": "constant column", "args": [[[0.1, 1.0], [0.1, 2.0], [0.1, 4.0]], [[0.1, 3.0], [0.2, 0.0]]]},
        {"category": "constant column", "args": [[[1e8 + 0.1], [1e8 + 0.1], [1e8 + 0.1]], [[1e8]]]},  # computed std ~1.5e-8
        {"category": "constant column", "args": [[[0.7, 1.1]] * 7, [[0.0, 1.1]]]},  # every column constant
        {"category": "constant column", "args": [[[2.5, 1.0]], [[3.0, 0.0]]]},  # a single training row
        {"category": "errors", "args": [[[1.0, 2.0]], [[1.0]]]},
        {"category": "errors", "args": [[[1.0, 2.0], [3.0]], [[1.0, 2.0]]]},  # ragged rows
        {"category": "errors", "args": [[], [[1.0]]]},  # no training rows
        {"category": "errors", "args": [[1.0, 2.0], [3.0]]},
        {"category": "numpy input", "args": [[[1.0, 2.0], [2.0, 0.0], [3.0, 1.0]], [[4.0, 4.0]]], "array_args": [0, 1]},
    ]
    for _ in range(15):
        n_train, n_test, d = rng.randint(2, 30), rng.randint(1, 30), rng.randint(1, 6)
        shift = [rng.uniform(-50, 50) for _ in range(d)]
        spread = [rng.uniform(0.1, 20) for _ in range(d)]
        make = lambda rows, drift: [[round(rng.gauss(shift[j] + drift, spread[j]), 3) for j in range(d)] for _ in range(rows)]
        cases.append({"category": "drifted test set", "args": [make(n_train, 0), make(n_test, rng.uniform(5, 40))]})
    return cases
