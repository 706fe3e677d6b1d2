"""Cases for attention-weights: visible examples, and hidden fixed edge cases plus seeded random ones."""


def _case(category, Q, K, V, mask=None, array_args=()):
    args = [Q, K, V] + ([mask] if mask is not None else [])
    return {"category": category, "args": args, "array_args": list(array_args)}


def _causal(n):
    return [[j <= i for j in range(n)] for i in range(n)]


def examples():
    return [
        _case("no mask", [[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [3.0, 4.0]]),
        _case("masks", [[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]], [[1.0, 2.0], [3.0, 4.0]], _causal(2)),
        _case("invalid inputs", [[1.0, 0.0]], [[1.0, 0.0, 0.0]], [[1.0]]),
    ]


def hidden(rng):
    q3 = [[0.5, -1.0, 2.0, 0.0, 1.0, 1.5, -0.5, 0.25, 3.0], [1.0, 1.0, 0.0, -2.0, 0.5, 0.0, 1.0, -1.0, 0.0]]
    k3 = [[1.0, 0.0, 1.0, 1.0, -1.0, 0.5, 0.0, 2.0, 0.5], [0.0, 2.0, -1.0, 0.5, 1.0, 1.0, -1.5, 0.0, 1.0],
          [1.5, -0.5, 0.0, 0.0, 2.0, -1.0, 1.0, 1.0, -0.5]]
    v3 = [[1.0, -1.0], [2.0, 0.5], [-3.0, 4.0]]
    big_q = [[100.0, 120.0, -90.0, 80.0], [-110.0, 95.0, 100.0, -70.0]]
    big_k = [[100.0, 100.0, -100.0, 100.0], [90.0, 130.0, -80.0, 60.0], [-100.0, 90.0, 110.0, -80.0]]
    cases = [
        _case("no mask", [[0.3, -0.7]], [[1.5, 2.0]], [[4.0, -1.0, 0.5]]),  # one key: weight 1
        _case("no mask", [[2.0, 1.0, -1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0], [2.0], [6.0]]),
        _case("no mask", q3, k3, v3),  # d_k = 9, d_v = 2
        _case("no mask", [[1.0, 2.0, 0.0, -1.0], [0.0, 0.0, 0.0, 0.0], [3.0, -1.0, 1.0, 2.0]],
              [[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 1.0]], [[1.0, 2.0, 3.0], [-1.0, 0.0, 5.0]]),
        _case("large scores", big_q, big_k, [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]),
        _case("large scores", [[-100.0, -100.0, -100.0, -100.0]], [[100.0, 100.0, 100.0, 100.0], [101.0, 100.0, 100.0, 99.5]],
              [[1.0], [3.0]]),
        _case("large scores", big_q, big_k, [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]], [[True, False, True], [False, True, True]]),
        # Scores far below any finite stand-in for -inf: a masked key given -10000 would outweigh the allowed one.
        _case("large scores", [[1.0]], [[-20000.0], [5.0]], [[1.0, 0.0], [0.0, 1.0]], [[True, False]]),
        _case("large scores", [[100.0, 50.0]], [[-120.0, -60.0], [0.5, 0.5], [-110.0, -70.0]], [[1.0], [2.0], [3.0]],
              [[True, False, True]]),
        _case("masks", q3, k3, v3, [[False, True, False], [True, True, False]]),
        _case("masks", [[1.0, 0.5], [0.2, -0.3], [2.0, 1.0], [0.0, 1.0]],
              [[1.0, 0.5], [0.2, -0.3], [2.0, 1.0], [0.0, 1.0]], [[1.0], [2.0], [3.0], [4.0]], _causal(4)),
        _case("masks", [[5.0, 0.0]], [[5.0, 0.0], [-5.0, 0.0], [0.0, 0.0]], [[1.0, 1.0], [7.0, -2.0], [0.0, 3.0]],
              [[False, True, False]]),  # the only allowed key has the lowest score
        _case("masks", q3, k3, v3, [[True, True, True], [True, True, True]]),
        _case("array inputs", q3, k3, v3, [[True, False, True], [False, False, True]], array_args=(0, 1, 2, 3)),
        _case("array inputs", [[0.5, 1.5]], [[1.0, -1.0], [2.0, 0.0]], [[1.0], [0.0]], array_args=(0, 1, 2)),
        _case("invalid inputs", [[1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]], [[1.0], [2.0], [3.0]]),  # K and V rows differ
        _case("invalid inputs", q3, k3, v3, [[True, True], [True, True], [True, True]]),  # mask n_k x n_q
        _case("invalid inputs", q3, k3, v3, [[True, True, True]]),
        _case("invalid inputs", q3, k3, v3, [[True, False, True], [False, False, False]]),  # a query with no key
        _case("invalid inputs", q3, k3, v3, [[False, False, False], [True, True, True]]),
        _case("invalid inputs", [1.0, 0.0], [[1.0, 0.0]], [[1.0]]),  # Q is 1-D
        _case("invalid inputs", [[1.0, 0.0]], [[1.0, 0.0]], [1.0]),  # V is 1-D
        _case("invalid inputs", [[1.0, 0.0]], [], []),  # no keys at all
        _case("invalid inputs", [[1.0, 0.0]], [[[1.0, 0.0]]], [[1.0]]),  # K is 3-D
        _case("invalid inputs", [[]], [[]], [[1.0]]),  # d_k = 0
    ]
    for _ in range(20):
        n_q, n_k, d_k, d_v = rng.randint(1, 6), rng.randint(1, 7), rng.randint(1, 8), rng.randint(1, 5)
        scale = 60.0 if rng.random() < 0.2 else 1.5
        Q = [[round(rng.gauss(0, scale), 3) for _ in range(d_k)] for _ in range(n_q)]
        K = [[round(rng.gauss(0, scale), 3) for _ in range(d_k)] for _ in range(n_k)]
        V = [[round(rng.gauss(0, 2), 3) for _ in range(d_v)] for _ in range(n_k)]
        mask = None
        if rng.random() < 0.5:
            mask = [[rng.random() < 0.6 for _ in range(n_k)] for _ in range(n_q)]
            for row in mask:
                row[rng.randrange(n_k)] = True
        cases.append(_case("random", Q, K, V, mask, array_args=(0, 1, 2) if rng.random() < 0.3 else ()))
    return cases
