"""Cases for two-proportion-z-test: visible examples, and hidden fixed edge cases plus seeded random ones."""


def examples():
    return [
        {"category": "difference", "args": [200, 5000, 250, 5000]},
        {"category": "no difference", "args": [30, 1000, 15, 500]},
        {"category": "no variance", "args": [0, 400, 0, 600]},
        {"category": "errors", "args": [12, 10, 5, 10]},
    ]


def hidden(rng):
    cases = [
        # B worse than A: z must be negative, and the p-value the same as for the mirror image
        {"category": "difference", "args": [250, 5000, 200, 5000]},
        {"category": "difference", "args": [48, 1000, 70, 1200]},
        {"category": "difference", "args": [1, 3, 2, 3]},
        {"category": "difference", "args": [0, 20, 3, 20]},  # one group with no conversion
        {"category": "difference", "args": [20, 20, 17, 20]},  # one group converts entirely
        {"category": "difference", "args": [1, 1, 0, 1]},  # the smallest groups there are
        {"category": "difference", "args": [0, 1, 1, 2]},
        {"category": "difference", "args": [3, 10, 40, 100]},
        {"category": "no difference", "args": [10, 100, 20, 200]},
        {"category": "difference", "args": [7, 7, 0, 3]},  # rates 1 and 0, pooled rate in between
        {"category": "no variance", "args": [0, 1, 0, 1]},
        {"category": "no variance", "args": [50, 50, 3, 3]},
        {"category": "no variance", "args": [1, 1, 1, 1]},
        # p-values far in the tail: 1 - cdf would round them to zero
        {"category": "tiny p-values", "args": [1000, 10000, 1500, 10000]},
        {"category": "tiny p-values", "args": [100, 10000, 900, 10000]},
        {"category": "tiny p-values", "args": [5000, 100000, 9000, 100000]},
        {"category": "tiny p-values", "args": [10, 1000000, 300, 1000000]},
        {"category": "large samples", "args": [412345, 10000000, 413112, 10000000]},
        {"category": "large samples", "args": [2, 5000000, 0, 3000000]},
        {"category": "errors", "args": [0, 0, 5, 10]},  # no visitors in A
        {"category": "errors", "args": [5, 10, 0, 0]},  # no visitors in B
        {"category": "errors", "args": [0, -3, 0, 10]},
        {"category": "errors", "args": [-1, 10, 2, 10]},
        {"category": "errors", "args": [2, 10, -1, 10]},
        {"category": "errors", "args": [11, 10, 2, 10]},  # more conversions than visitors in A
        {"category": "errors", "args": [2, 10, 11, 10]},  # ... and in B
        {"category": "errors", "args": [60, 50, 40, 50]},  # pooled rate 1, but still invalid
        {"category": "errors", "args": [-5, 10, 5, 10]},  # pooled rate 0, but still invalid
    ]
    for _ in range(12):
        n_a, n_b = rng.randint(50, 50000), rng.randint(50, 50000)
        rate, lift = rng.uniform(0.01, 0.3), rng.uniform(-0.2, 0.3)
        c_a = round(n_a * rate * rng.uniform(0.95, 1.05))
        c_b = min(n_b, round(n_b * rate * (1 + lift)))
        cases.append({"category": "random", "args": [c_a, n_a, c_b, n_b]})
    for _ in range(6):
        n = rng.randint(1, 40)
        m = rng.randint(1, 40)
        cases.append({"category": "small groups", "args": [rng.randint(0, n), n, rng.randint(0, m), m]})
    return cases
