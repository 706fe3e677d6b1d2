def parameters(rng):
    return {"n_pos": rng.randint(20, 200), "n_neg": rng.randint(1000, 9000)}


def answer(n_pos, n_neg):
    return (n_pos + n_neg) / (2 * n_pos)


def wrong_answers(n_pos, n_neg):
    n_samples = n_pos + n_neg
    return {
        "the negative class's weight": n_samples / (2 * n_neg),
        "n_neg / n_pos: the ratio of the counts": n_neg / n_pos,
        "n_samples / n_pos: the number of classes left out": n_samples / n_pos,
        "n_pos / n_samples: the inverse, the positives' share": n_pos / n_samples,
    }
