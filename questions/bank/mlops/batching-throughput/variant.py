def parameters(rng):
    return {"a": rng.randint(5, 20), "b": rng.choice([0.5, 1, 1.5, 2, 2.5]), "batch": rng.choice([8, 16, 32, 64])}


def answer(a, b, batch):
    return 1000 * batch / (a + b * batch)


def wrong_answers(a, b, batch):
    return {
        "batches of one request": 1000 / (a + b),
        "the per-item cost ignored": 1000 * batch / a,
        "batches per second instead of requests": 1000 / (a + b * batch),
    }
