def parameters(rng):
    while True:
        c_fp, c_fn = rng.randint(2, 30), rng.randint(50, 1500)
        if 4 <= c_fn / c_fp <= 60:
            return {"c_fp": c_fp, "c_fn": c_fn}


def answer(c_fp, c_fn):
    return c_fp / (c_fp + c_fn)


def wrong_answers(c_fp, c_fn):
    return {
        "the two costs swapped": c_fn / (c_fp + c_fn),
        "the ratio of the costs": c_fp / c_fn,
        "the default threshold": 0.5,
    }
