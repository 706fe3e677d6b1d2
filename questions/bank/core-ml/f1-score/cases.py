"""Cases for f1-score: visible examples, and hidden fixed edge cases plus seeded random ones."""

AVERAGES = ["micro", "macro", "weighted"]


def examples():
    return [
        {"category": "binary", "args": [[1, 0, 1, 1, 0], [1, 0, 0, 1, 1]]},
        {"category": "multiclass", "args": [[0, 1, 2, 2, 1], [0, 2, 2, 2, 1]], "kwargs": {"average": "macro"}},
        {"category": "errors", "args": [[0, 1, 2], [0, 1, 1]]},
    ]


def hidden(rng):
    cases = [
        # edge cases
        {"category": "edge cases", "args": [[0, 0, 0, 0], [0, 0, 0, 0]]},  # no positives at all: 0.0
        {"category": "edge cases", "args": [[1, 1, 0], [1, 1, 0]]},  # perfect
        {"category": "edge cases", "args": [[1, 0, 1], [0, 1, 0]]},  # all wrong
        {"category": "edge cases", "args": [[1], [1]]},
        {"category": "edge cases", "args": [[0, 1, 1], [0, 0, 0]]},  # never predicts positive
        {"category": "pos_label", "args": [[0, 0, 1, 0], [0, 1, 1, 0]], "kwargs": {"pos_label": 0}},
        {"category": "pos_label", "args": [["spam", "ham", "spam"], ["spam", "spam", "ham"]], "kwargs": {"pos_label": "spam"}},
        {"category": "pos_label", "args": [["ham", "ham"], ["ham", "ham"]], "kwargs": {"pos_label": "spam"}},
        {"category": "multiclass", "args": [[0, 0, 0, 0, 1, 2], [0, 0, 0, 0, 2, 2]], "kwargs": {"average": "macro"}},
        {"category": "multiclass", "args": [[0, 0, 0, 0, 1, 2], [0, 0, 0, 0, 2, 2]], "kwargs": {"average": "weighted"}},
        {"category": "multiclass", "args": [[0, 0, 0, 0, 1, 2], [0, 0, 0, 0, 2, 2]], "kwargs": {"average": "micro"}},
        {"category": "multiclass", "args": [[0, 1], [0, 3]], "kwargs": {"average": "macro"}},  # label only predicted
        {"category": "multiclass", "args": [[0, 1, 1, 2], [0, 1, 3, 3]], "kwargs": {"average": "weighted"}},
        {"category": "multiclass", "args": [[0, 0, 1], [2, 0, 1]], "kwargs": {"average": "micro"}},
        {"category": "edge cases", "args": [[0, 0, 0], [0, 1, 0]]},  # the positive class only predicted
        {"category": "edge cases", "args": [[2, 2], [2, 2]], "kwargs": {"average": "macro"}},  # one class
        {"category": "multiclass", "args": [["a", "b", "c", "a"], ["a", "c", "c", "b"]], "kwargs": {"average": "weighted"}},
        # errors, like scikit-learn
        {"category": "errors", "args": [[0, 1, 2], [0, 1, 1]]},
        {"category": "errors", "args": [[0, 1, 1], [0, 1, 1]], "kwargs": {"pos_label": 2}},
        {"category": "errors", "args": [["a", "b"], ["a", "a"]]},  # default pos_label=1 is not a label
        {"category": "errors", "args": [[0, 1], [0, 1]], "kwargs": {"average": "mean"}},
        {"category": "errors", "args": [[], []]},
        {"category": "errors", "args": [[], []], "kwargs": {"average": "macro"}},
        {"category": "errors", "args": [[], []], "kwargs": {"average": "weighted"}},
        {"category": "errors", "args": [[0, 1, 1], [0, 1]], "kwargs": {"average": "micro"}},
        {"category": "errors", "args": [[1, 0], [1, 0, 0]]},
        {"category": "errors", "args": [[1], [1, 0]]},  # NumPy would broadcast a length-1 array silently
        # NumPy arrays in, as well as lists
        {"category": "numpy input", "args": [[1, 0, 1, 1], [1, 1, 1, 0]], "array_args": [0, 1]},
        {"category": "numpy input", "args": [[2, 0, 1, 1, 2], [2, 1, 1, 0, 2]], "array_args": [0, 1], "kwargs": {"average": "macro"}},
    ]
    for _ in range(12):
        n = rng.randint(5, 60)
        cases.append({"category": "random binary", "args": [[rng.randint(0, 1) for _ in range(n)], [rng.randint(0, 1) for _ in range(n)]],
                      "kwargs": {"pos_label": rng.choice([0, 1])}})
    for _ in range(12):
        n, k = rng.randint(6, 80), rng.randint(3, 6)
        y_true = [rng.randrange(k) for _ in range(n)]
        y_pred = [y if rng.random() < 0.6 else rng.randrange(k) for y in y_true]
        cases.append({"category": "multiclass", "args": [y_true, y_pred], "kwargs": {"average": rng.choice(AVERAGES)},
                      "array_args": [0, 1] if rng.random() < 0.3 else []})
    return cases
