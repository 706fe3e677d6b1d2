def parameters(rng):
    k = rng.choice([4, 5, 8, 10])
    return {"k": k, "n": k * rng.randint(20, 150)}


def answer(n, k):
    return n * (k - 1) / k


def wrong_answers(n, k):
    return {
        "n / k: the size of one fold, which is held out for validation": n / k,
        "n: all of the data, nothing held out": n,
    }
