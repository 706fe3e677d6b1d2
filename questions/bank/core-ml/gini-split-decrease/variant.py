import math

TOLERANCE = 0.001


def parameters(rng):
    while True:
        n = rng.randint(40, 200)
        pos = rng.randint(n // 5, 4 * n // 5)
        n_left = rng.randint(n // 5, 4 * n // 5)
        pos_left = rng.randint(max(0, pos - (n - n_left)), min(pos, n_left))
        params = {"n": n, "pos": pos, "n_left": n_left, "pos_left": pos_left}
        right = answer(**params)
        if right > 0.01 and all(abs(w - right) > 2 * TOLERANCE for w in wrong_answers(**params).values()):
            return params


def _gini(pos, n):
    p = pos / n
    return 1 - p * p - (1 - p) * (1 - p)


def _entropy(pos, n):
    return -sum(p * math.log2(p) for p in (pos / n, 1 - pos / n) if p > 0)


def _children(n, pos, n_left, pos_left):
    return (n_left, pos_left), (n - n_left, pos - pos_left)


def answer(n, pos, n_left, pos_left):
    (nl, pl), (nr, pr) = _children(n, pos, n_left, pos_left)
    return _gini(pos, n) - (nl / n * _gini(pl, nl) + nr / n * _gini(pr, nr))


def wrong_answers(n, pos, n_left, pos_left):
    (nl, pl), (nr, pr) = _children(n, pos, n_left, pos_left)
    weighted = nl / n * _gini(pl, nl) + nr / n * _gini(pr, nr)
    return {
        "children averaged without weights": _gini(pos, n) - (_gini(pl, nl) + _gini(pr, nr)) / 2,
        "children's weighted impurity instead of the decrease": weighted,
        "information gain (entropy) instead of Gini": _entropy(pos, n) - (nl / n * _entropy(pl, nl) + nr / n * _entropy(pr, nr)),
    }
