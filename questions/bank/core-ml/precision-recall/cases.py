def examples():
    return [
        {"category": "basic", "args": [[1, 0, 1, 1, 0, 1], [1, 1, 1, 0, 0, 0]]},
        {"category": "zero division", "args": [[1, 1, 0], [0, 0, 0]]},
    ]


def hidden(rng):
    cases = [
        {"category": "zero division", "args": [[0, 0, 0], [0, 0, 0]]},
        {"category": "zero division", "args": [[1, 1, 0], [0, 0, 0]]},
        {"category": "zero division", "args": [[0, 0, 0], [1, 0, 0]]},
        {"category": "basic", "args": [[1, 1], [1, 1]]},
        {"category": "basic", "args": [[1, 0, 1, 0], [0, 1, 0, 1]]},
        {"category": "pos_label", "args": [[0, 1, 0, 0], [0, 0, 1, 0]], "kwargs": {"pos_label": 0}},
        {"category": "pos_label", "args": [["cat", "dog", "dog"], ["dog", "dog", "cat"]], "kwargs": {"pos_label": "dog"}},
        {"category": "errors", "args": [[0, 1, 2], [0, 1, 2]]},
        {"category": "errors", "args": [[0, 1], [0, 1]], "kwargs": {"pos_label": 5}},
        {"category": "errors", "args": [["yes", "no"], ["no", "no"]]},
        {"category": "errors", "args": [[], []]},
        {"category": "errors", "args": [[0, 1, 1], [0, 2, 1]]},  # a third label, only predicted
        {"category": "errors", "args": [["a", "a"], ["a", "b"]]},  # two labels, one only predicted; no pos_label 1
        {"category": "errors", "args": [[1, 0, 1], [1, 0]]},
        {"category": "errors", "args": [[1], [1, 1]], "array_args": [0, 1]},
        {"category": "pos_label", "args": [[0, 0, 0], [0, 0, 0]], "kwargs": {"pos_label": 5}},  # one label: no error
        {"category": "zero division", "args": [[0, 0], [0, 1]]},  # the positive class only predicted
        {"category": "numpy input", "args": [[1, 0, 1, 1], [1, 1, 0, 1]], "array_args": [0, 1]},
    ]
    for _ in range(15):
        n = rng.randint(3, 70)
        y_true = [rng.randint(0, 1) for _ in range(n)]
        y_pred = [y if rng.random() < 0.7 else 1 - y for y in y_true]
        cases.append({"category": "random", "args": [y_true, y_pred], "kwargs": {"pos_label": rng.choice([0, 1])},
                      "array_args": [0, 1] if rng.random() < 0.3 else []})
    return cases
