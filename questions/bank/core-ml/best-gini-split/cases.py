"""Cases for best-gini-split: visible examples, and hidden fixed edge cases plus seeded random ones."""


def _case(category, X, y, array_args=(), **kwargs):
    return {"category": category, "args": [X, y], "kwargs": kwargs, "array_args": list(array_args)}


def examples():
    return [
        _case("one feature", [[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]], [0, 0, 0, 1, 1, 0]),
        _case("several features", [[2.0, 7.0], [3.0, 1.0], [1.0, 8.0], [4.0, 2.0]], ["a", "b", "a", "b"]),
        _case("invalid inputs", [[1.0], [2.0]], [0]),
    ]


def hidden(rng):
    cases = [
        _case("one feature", [[3], [1], [2], [5], [4]], [1, 0, 0, 1, 1]),  # unsorted ints: threshold 2.5
        _case("one feature", [[0.5], [-1.5], [2.25], [-0.75], [1.0], [3.5], [0.0]], [0, 1, 0, 1, 1, 0, 1]),
        _case("several features", [[1.0, 10.0], [2.0, 20.0], [3.0, 10.0], [4.0, 20.0]], [0, 1, 0, 1]),  # feature 1
        _case("several features", [[0.0, 5.0, 1.0], [1.0, 6.0, 1.0], [0.0, 7.0, 2.0], [1.0, 8.0, 2.0], [0.0, 9.0, 3.0]],
              [1, 1, 0, 0, 2]),
        _case("ties", [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.0]], [0, 0, 1, 1]),  # same split twice: feature 0
        _case("ties", [[1.0], [2.0], [3.0], [4.0]], [0, 1, 1, 0]),  # 1.5 and 3.5 tie: the lower threshold
        _case("ties", [[5.0, 1.0], [6.0, 2.0], [7.0, 3.0], [8.0, 4.0]], [1, 1, 1, 1]),  # pure: any split scores 0
        _case("ties", [[1.0, 4.0], [2.0, 3.0], [3.0, 2.0], [4.0, 1.0], [5.0, 0.0], [6.0, -1.0]], [0, 1, 2, 0, 1, 2]),
        _case("repeated values", [[1.0], [1.0], [1.0], [2.0], [2.0], [3.0]], [0, 0, 1, 1, 1, 1]),
        _case("repeated values", [[2.0, 0.0], [2.0, 1.0], [2.0, 0.0], [2.0, 1.0]], [0, 1, 0, 1]),  # feature 0 is constant
        _case("repeated values", [[4.0, 7.0], [4.0, 7.0], [4.0, 7.0]], [0, 1, 0]),  # no split at all
        _case("repeated values", [[1.0], [1.0]], [0, 1]),
        _case("tiny inputs", [[3.0, 2.0]], [1]),  # one row: no split
        _case("tiny inputs", [[3.0], [-3.0]], [1, 0]),
        _case("tiny inputs", [[]], [0]),  # no features
        _case("min_samples_leaf", [[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]], [0, 1, 1, 1, 1, 1], min_samples_leaf=2),
        _case("min_samples_leaf", [[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]], [0, 1, 1, 1, 1, 1], min_samples_leaf=3),
        _case("min_samples_leaf", [[1.0], [2.0], [3.0], [4.0], [5.0], [6.0]], [0, 1, 1, 1, 1, 1], min_samples_leaf=4),
        _case("min_samples_leaf", [[1.0], [1.0], [2.0], [3.0], [3.0]], [0, 0, 1, 1, 1], min_samples_leaf=3),
        _case("min_samples_leaf", [[1.0, 9.0], [2.0, 8.0], [3.0, 7.0], [4.0, 6.0], [5.0, 5.0]], [0, 0, 0, 0, 1],
              min_samples_leaf=5),
        _case("multiclass", [[0.1, 1.0], [0.4, 0.0], [0.35, 1.0], [0.8, 0.0], [0.9, 1.0], [0.2, 0.0], [0.7, 1.0]],
              ["cat", "dog", "dog", "bird", "bird", "cat", "dog"]),
        _case("multiclass", [[1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0], [8.0]], [0, 0, 1, 1, 2, 2, 3, 3]),
        _case("array inputs", [[2.0, 7.0], [3.0, 1.0], [1.0, 8.0], [4.0, 2.0], [2.5, 3.0]], [0, 1, 0, 1, 1], array_args=(0, 1)),
        _case("invalid inputs", [1.0, 2.0, 3.0], [0, 1, 0]),
        _case("invalid inputs", [], []),
        _case("invalid inputs", [[1.0], [2.0], [3.0]], [0, 1]),
        _case("invalid inputs", [[1.0], [2.0]], [0, 1, 1]),
        _case("invalid inputs", [[1.0], [2.0]], [0, 1], min_samples_leaf=0),
        _case("invalid inputs", [[1.0], [2.0]], [0, 1], min_samples_leaf=-1),
    ]
    for _ in range(16):
        n, d, k = rng.randint(2, 40), rng.randint(1, 5), rng.randint(2, 4)
        coarse = rng.random() < 0.5
        X = [[float(rng.randint(0, 6)) if coarse else round(rng.uniform(-5, 5), 2) for _ in range(d)] for _ in range(n)]
        y = [rng.randrange(k) for _ in range(n)]
        cases.append(_case("random", X, y, min_samples_leaf=rng.choice([1, 1, 2, 3, 5]),
                           array_args=(0, 1) if rng.random() < 0.3 else ()))
    return cases
