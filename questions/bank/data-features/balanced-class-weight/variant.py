def parameters(rng):
    return {"n_pos": rng.randint(20, 200), "n_neg": rng.randint(1000, 9000)}


def answer(n_pos, n_neg):
    return (n_pos + n_neg) / (2 * n_pos)
