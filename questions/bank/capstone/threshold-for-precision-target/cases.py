"""Cases for threshold-for-precision-target: visible examples, hidden edge cases and seeded random ones."""


def _case(category, y_true, scores, min_precision, array_args=()):
    return {"category": category, "args": [y_true, scores], "kwargs": {"min_precision": min_precision},
            "array_args": list(array_args)}


def examples():
    return [
        _case("basic", [1, 1, 0, 1, 0, 0], [0.9, 0.8, 0.7, 0.6, 0.4, 0.1], 0.7),
        _case("tied scores", [1, 0, 1, 1, 0], [0.9, 0.5, 0.5, 0.3, 0.2], 0.6),
        _case("target out of reach", [0, 1, 0, 1], [0.9, 0.8, 0.7, 0.1], 0.9),
        _case("invalid inputs", [1, 0], [0.5], 0.5),
    ]


def hidden(rng):
    cases = [
        _case("basic", [0, 1, 1, 0, 1, 0, 0, 1], [0.2, 0.95, 0.85, 0.8, 0.6, 0.55, 0.3, 0.1], 0.5),
        _case("basic", [1, 0, 1, 0, 1, 0, 1], [7, 6, 5, 4, 3, 2, 1], 0.55),  # integer scores
        _case("basic", [1, 1, 1, 0], [0.4, 0.3, 0.2, 0.1], 1.0),  # perfect ranking, target 1
        _case("basic", [0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1], 0.5),  # the floor is met only by flagging everything
        _case("precision dips and recovers", [1, 0, 0, 1, 1, 1, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3], 0.6),
        _case("precision dips and recovers", [1, 0, 1, 0, 1, 1, 0, 0], [8, 7, 6, 5, 4, 3, 2, 1], 2 / 3),
        _case("exactly on the target", [1, 1, 1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4], 0.75),
        _case("exactly on the target", [1, 0, 1, 0, 1, 0], [6, 5, 4, 3, 2, 1], 0.6),
        _case("exactly on the target", [1, 0, 0, 1, 0, 1, 0, 0, 1, 0], [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.4),
        # 0.1 * 3 is 0.30000000000000004: a precision of 3 / 10 meets it only through the stated slack
        _case("exactly on the target", [1, 0, 0, 1, 0, 0, 1, 0, 0, 0], [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.1 * 3),
        _case("equal recall", [1, 0, 0, 0, 1, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4], 0.1),  # several reach recall 1
        _case("equal recall", [1, 0, 0, 1], [0.9, 0.8, 0.7, 0.1], 0.3),
        _case("tied scores", [1, 0, 1, 0, 1], [0.7, 0.7, 0.7, 0.7, 0.2], 0.5),
        _case("tied scores", [1, 1, 0, 0, 1], [0.9, 0.5, 0.5, 0.5, 0.5], 0.7),  # the tie drags precision down
        _case("tied scores", [1, 0, 1, 1, 0, 0], [0.3, 0.3, 0.3, 0.3, 0.3, 0.3], 0.5),  # one threshold only
        _case("tied scores", [0, 1, 1, 0], [0.8, 0.8, 0.4, 0.4], 0.5),
        _case("target out of reach", [0, 0, 1], [0.9, 0.8, 0.7], 0.5),
        _case("target out of reach", [0, 1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5, 0.5], 0.41),
        _case("one row", [1], [0.25], 1.0),
        _case("every row positive", [1, 1, 1], [0.1, 0.7, 0.4], 1.0),
        _case("negative scores", [0, 1, 0, 1], [-0.5, -1.5, -2.0, -0.25], 0.5),
        _case("array inputs", [1, 0, 1, 1, 0, 1, 0], [0.9, 0.85, 0.8, 0.6, 0.55, 0.5, 0.2], 0.75, array_args=(0, 1)),
        _case("invalid inputs", [], [], 0.5),
        _case("invalid inputs", [1, 0, 1], [0.5, 0.4], 0.5),
        _case("invalid inputs", [1, 2, 0], [0.5, 0.4, 0.3], 0.5),
        _case("invalid inputs", [1, -1, 0], [0.5, 0.4, 0.3], 0.5),
        _case("invalid inputs", [0, 0, 0], [0.5, 0.4, 0.3], 0.5),
        _case("invalid inputs", [1, 0, 1], [0.5, float("nan"), 0.3], 0.5),
        _case("invalid inputs", [1, 0, 1], [0.5, 0.4, 0.3], 0.0),
        _case("invalid inputs", [1, 0, 1], [0.5, 0.4, 0.3], -0.2),
        _case("invalid inputs", [1, 0, 1], [0.5, 0.4, 0.3], 1.5),
    ]
    for _ in range(20):
        n = rng.randint(1, 60)
        coarse = rng.random() < 0.5  # few distinct scores: many ties
        scores = [float(rng.randint(0, 5)) if coarse else round(rng.random(), 3) for _ in range(n)]
        rate = rng.uniform(0.1, 0.7)
        labels = [1 if rng.random() < rate else 0 for _ in range(n)]
        if not any(labels):
            labels[rng.randrange(n)] = 1
        target = rng.choice([0.3, 0.5, 0.6, 0.75, 0.8, 0.9, 1.0, round(rng.uniform(0.2, 1.0), 2)])
        cases.append(_case("random", labels, scores, target, array_args=(0, 1) if rng.random() < 0.3 else ()))
    return cases
