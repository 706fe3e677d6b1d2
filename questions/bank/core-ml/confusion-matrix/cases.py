def examples():
    return [
        {"category": "basic", "args": [[0, 1, 1, 0, 1], [0, 1, 0, 0, 1]]},
        {"category": "labels", "args": [["cat", "dog", "cat"], ["dog", "dog", "cat"]], "kwargs": {"labels": ["dog", "cat"]}},
    ]


def hidden(rng):
    cases = [
        {"category": "basic", "args": [[1, 1, 1], [1, 1, 1]]},
        {"category": "basic", "args": [[0, 1, 2, 2], [2, 1, 0, 2]]},
        {"category": "predicted-only labels", "args": [[0, 0, 1], [0, 2, 1]]},
        {"category": "predicted-only labels", "args": [["a", "a"], ["b", "c"]]},
        {"category": "basic", "args": [[0, 1, 2], [0, 0, 1]]},  # a class never predicted
        {"category": "sorting", "args": [[8, 1, 16, 8], [1, 1, 3, 8]]},  # a set of these ints is not in sorted order
        {"category": "sorting", "args": [["pear", "fig", "kiwi", "apple"], ["fig", "date", "kiwi", "apple"]]},
        {"category": "labels", "args": [[0, 1, 2, 3], [0, 1, 3, 3]], "kwargs": {"labels": [3, 0]}},
        {"category": "labels", "args": [["b", "a", "c"], ["a", "a", "c"]], "kwargs": {"labels": ["c", "b", "a"]}},
        {"category": "errors", "args": [[0, 1], [0, 1, 1]]},
        {"category": "errors", "args": [[0, 1], [0, 1]], "kwargs": {"labels": [5, 6]}},
        {"category": "errors", "args": [[0, 1], [5, 6]], "kwargs": {"labels": [5, 6]}},  # only predicted
        {"category": "errors", "args": [[], []]},
        {"category": "errors", "args": [[1], [1, 0]], "array_args": [0, 1]},
        {"category": "labels", "args": [[0, 1, 2, 0], [1, 2, 0, 0]], "kwargs": {"labels": [0, 1]}},  # predictions outside labels
        {"category": "labels", "args": [[0, 1, 1], [0, 0, 1]], "kwargs": {"labels": [1, 0, 7]}},  # a label never seen
        {"category": "numpy input", "args": [[2, 0, 1, 1], [2, 1, 1, 0]], "array_args": [0, 1]},
    ]
    for _ in range(15):
        n, k = rng.randint(1, 60), rng.randint(2, 5)
        y_true = [rng.randrange(k) for _ in range(n)]
        y_pred = [y if rng.random() < 0.6 else rng.randrange(k) for y in y_true]
        cases.append({"category": "random", "args": [y_true, y_pred]})
    return cases
