def parameters(rng):
    return {"mean": rng.randint(20, 80), "std": rng.choice([2, 4, 5, 8, 10]), "x": rng.randint(0, 100)}


def answer(mean, std, x):
    return (x - mean) / std
