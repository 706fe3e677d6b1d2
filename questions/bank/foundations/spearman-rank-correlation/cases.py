"""Cases for spearman-rank-correlation: visible examples, and hidden fixed edge cases plus seeded random ones."""


def examples():
    return [
        {"category": "no ties", "args": [[1, 2, 3, 4, 5], [5, 6, 7, 8, 7.5]]},
        {"category": "ties", "args": [[10, 20, 20, 30], [1, 3, 2, 4]]},
        {"category": "errors", "args": [[1, 2, 3], [1, 2]]},
    ]


def hidden(rng):
    cases = [
        # monotone but not linear: exactly +1 or -1
        {"category": "no ties", "args": [[1, 2, 3, 4, 5, 6], [1, 8, 27, 64, 125, 216]]},
        {"category": "no ties", "args": [[0.5, -3.0, 2.0, 10.0], [-1.0, 9.0, -4.0, -100.0]]},
        {"category": "no ties", "args": [[1, 2], [3, 4]]},
        {"category": "no ties", "args": [[1, 2], [4, 3]]},
        {"category": "no ties", "args": [[3, 1, 2], [2, 3, 1]]},
        {"category": "no ties", "args": [[9, 2, 7, 4, 5, 1, 8], [3, 1, 4, 1.5, 9, 2.6, 5]]},
        # ties, where the textbook formula 1 - 6·Σd² / (n(n² - 1)) no longer applies
        {"category": "ties", "args": [[1, 1, 2, 2], [1, 2, 1, 2]]},
        {"category": "ties", "args": [[1, 1, 1, 2], [1, 2, 3, 4]]},
        {"category": "ties", "args": [[5, 5, 5, 5, 9], [1, 2, 3, 4, 5]]},
        {"category": "ties", "args": [[1, 2, 2, 3, 3, 3], [6, 5, 5, 4, 4, 4]]},
        {"category": "ties", "args": [[0, 0, 1, 1, 2, 2], [2, 2, 1, 1, 0, 0]]},
        {"category": "ties", "args": [[3, 1, 3, 2, 1, 3], [1, 1, 2, 2, 3, 3]]},
        {"category": "ties", "args": [[1, 2, 3, 4], [7, 7, 8, 8]]},
        {"category": "ties", "args": [[2.5, 2.5, 1.0], [0.1, 0.2, 0.3]]},
        {"category": "ties", "args": [[-1, 0, 0, 1], [-2, 0, 0, 2]]},
        # exact equality decides ties: 0.1 + 0.2 is not 0.3 in floating point
        {"category": "ties", "args": [[0.1 + 0.2, 0.3, 0.5, 0.4], [1, 2, 3, 4]]},
        # constant samples: undefined, NaN
        {"category": "constant input", "args": [[4, 4, 4], [1, 2, 3]]},
        {"category": "constant input", "args": [[1, 2, 3], [0.5, 0.5, 0.5]]},
        {"category": "constant input", "args": [[7, 7], [7, 7]]},
        # invalid input
        {"category": "errors", "args": [[1, 2], [1, 2, 3]]},
        {"category": "errors", "args": [[1], [2]]},
        {"category": "errors", "args": [[], []]},
        {"category": "errors", "args": [[], [1]]},
        {"category": "errors", "args": [[1, 2, 3], [5]]},
        {"category": "errors", "args": [[5], [1, 2, 3]]},
        # NumPy arrays in, as well as lists
        {"category": "numpy input", "args": [[3, 1, 2, 2], [1, 3, 2, 5]], "array_args": [0, 1]},
        {"category": "numpy input", "args": [[0.2, 0.4, 0.4, 0.1, 0.9], [10, 30, 20, 20, 40]], "array_args": [0]},
    ]
    for _ in range(8):
        n = rng.randint(3, 60)
        x = [round(rng.uniform(-100, 100), 3) for _ in range(n)]
        y = [round(v * rng.uniform(-1, 1) + rng.gauss(0, 30), 3) for v in x]
        cases.append({"category": "random", "args": [x, y]})
    for _ in range(10):
        n = rng.randint(4, 200)
        levels = rng.randint(2, 6)
        x = [rng.randint(1, levels) for _ in range(n)]
        y = [v + rng.randint(-2, 2) for v in x]
        if len(set(x)) > 1 and len(set(y)) > 1:
            cases.append({"category": "random ties", "args": [x, y], "array_args": [0, 1] if rng.random() < 0.3 else []})
    return cases
