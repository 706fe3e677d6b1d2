def parameters(rng):
    n_in = rng.choice([16, 32, 64, 100, 128, 256, 784])
    n_out = rng.choice([8, 10, 32, 64, 128])
    while n_out == n_in:  # a bias per input would then give the right count by chance
        n_out = rng.choice([8, 10, 32, 64, 128])
    return {"n_in": n_in, "n_out": n_out}


def answer(n_in, n_out):
    return n_in * n_out + n_out


def wrong_answers(n_in, n_out):
    return {
        "biases left out": n_in * n_out,
        "a bias per input instead of per output": n_in * n_out + n_in,
        "a single bias for the whole layer": n_in * n_out + 1,
    }
