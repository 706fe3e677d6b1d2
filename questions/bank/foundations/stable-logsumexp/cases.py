"""Cases for stable-logsumexp: visible examples, and hidden fixed edge cases plus seeded random ones."""

NEG_INF = float("-inf")


def examples():
    return [
        {"category": "basic", "args": [[1.0, 2.0, 3.0]]},
        {"category": "large values", "args": [[1000.0, 1000.0]]},
        {"category": "axis", "args": [[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]], "kwargs": {"axis": 1}},
        {"category": "errors", "args": [[]]},
    ]


def _row(rng, n, offset):
    return [round(offset + rng.uniform(-5, 5), 6) for _ in range(n)]


def hidden(rng):
    cases = [
        {"category": "basic", "args": [[0.0]]},
        {"category": "basic", "args": [[-2.5]]},
        {"category": "basic", "args": [[0.0, 0.0, 0.0, 0.0]]},
        {"category": "basic", "args": [[1, 2, 3]]},  # ints
        {"category": "basic", "args": [[[1, 2], [3, 4]]], "kwargs": {"axis": 0}},  # ints, reduced per column
        # ints more than 2**63 apart: x - max(x) overflows in int64 unless converted to float first
        {"category": "large integers", "args": [[5 * 10**18, -5 * 10**18]]},
        {"category": "large integers", "args": [[[9 * 10**18, 0], [-9 * 10**18, 1]]], "kwargs": {"axis": 0}},
        {"category": "large integers", "args": [[[4 * 10**18, -6 * 10**18, 7]]], "kwargs": {"axis": 1}, "array_args": [0]},
        # overflow and underflow of the naive formula
        {"category": "large values", "args": [[1000.0, 999.0, 998.0]]},
        {"category": "large values", "args": [[710.0, 0.0]]},
        {"category": "large values", "args": [[-1000.0, -1000.0]]},
        {"category": "large values", "args": [[-800.0, -801.5, -799.0]]},
        {"category": "large values", "args": [[1e6, -1e6]]},
        {"category": "large values", "args": [[[1000.0, 999.0], [-1000.0, -1001.0]]], "kwargs": {"axis": 1}},
        {"category": "large values", "args": [[[1000.0, -1000.0], [999.0, -1001.0]]], "kwargs": {"axis": 0}},
        {"category": "large values", "args": [[[800.0, 801.0], [-800.0, -799.0]]]},  # axis=None over both rows
        # masked entries (-inf)
        {"category": "masked entries", "args": [[0.0, NEG_INF, 1.0]]},
        {"category": "masked entries", "args": [[NEG_INF, 5.0]]},
        {"category": "masked entries", "args": [[NEG_INF]]},
        {"category": "masked entries", "args": [[NEG_INF, NEG_INF, NEG_INF]]},
        {"category": "masked entries", "args": [[[NEG_INF, NEG_INF], [0.0, NEG_INF]]], "kwargs": {"axis": 1}},
        {"category": "masked entries", "args": [[[NEG_INF, 2.0], [NEG_INF, 3.0]]], "kwargs": {"axis": 0}},
        {"category": "masked entries", "args": [[[NEG_INF, NEG_INF], [NEG_INF, NEG_INF]]]},
        {"category": "masked entries", "args": [[[NEG_INF, 1000.0, NEG_INF], [-1000.0, NEG_INF, NEG_INF]]], "kwargs": {"axis": -1}},
        # every way of naming an axis
        {"category": "axis", "args": [[0.5, 1.5, -2.0]], "kwargs": {"axis": 0}},
        {"category": "axis", "args": [[0.5, 1.5, -2.0]], "kwargs": {"axis": -1}},
        {"category": "axis", "args": [[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]], "kwargs": {"axis": 0}},
        {"category": "axis", "args": [[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]], "kwargs": {"axis": -1}},
        {"category": "axis", "args": [[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]], "kwargs": {"axis": -2}},
        {"category": "axis", "args": [[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]], "kwargs": {"axis": None}},
        {"category": "axis", "args": [[[7.0, -3.0, 2.5]]], "kwargs": {"axis": 0}},  # one row
        {"category": "axis", "args": [[[7.0], [-3.0], [2.5]]], "kwargs": {"axis": 1}},  # one column
        # invalid input
        {"category": "errors", "args": [[[]]]},
        {"category": "errors", "args": [[]], "kwargs": {"axis": 0}},
        {"category": "errors", "args": [[[]]], "kwargs": {"axis": 0}},
        {"category": "errors", "args": [[[], []]], "kwargs": {"axis": 1}},
        {"category": "errors", "args": [[1.0, 2.0]], "kwargs": {"axis": 1}},
        {"category": "errors", "args": [[1.0, 2.0]], "kwargs": {"axis": -2}},
        {"category": "errors", "args": [[[1.0, 2.0], [3.0, 4.0]]], "kwargs": {"axis": 2}},
        {"category": "errors", "args": [[[1.0, 2.0], [3.0, 4.0]]], "kwargs": {"axis": -3}},
        # NumPy arrays in, as well as lists
        {"category": "numpy input", "args": [[1000.0, 1.0, -1000.0]], "array_args": [0]},
        {"category": "numpy input", "args": [[[1, 2, 3], [4, 5, 6]]], "array_args": [0], "kwargs": {"axis": 1}},
        {"category": "numpy input", "args": [[[NEG_INF, 0.5], [NEG_INF, NEG_INF]]], "array_args": [0], "kwargs": {"axis": 1}},
    ]
    for _ in range(8):
        offset = rng.choice([0.0, 0.0, 750.0, -750.0, 1e4])
        cases.append({"category": "random", "args": [_row(rng, rng.randint(1, 40), offset)]})
    for _ in range(8):
        rows, cols = rng.randint(1, 6), rng.randint(1, 6)
        matrix = [_row(rng, cols, rng.choice([0.0, 750.0, -750.0])) for _ in range(rows)]
        for row in matrix:
            for j in range(cols):
                if rng.random() < 0.15:
                    row[j] = NEG_INF
        cases.append({"category": "random", "args": [matrix], "kwargs": {"axis": rng.choice([None, 0, 1, -1, -2])},
                      "array_args": [0] if rng.random() < 0.3 else []})
    return cases
