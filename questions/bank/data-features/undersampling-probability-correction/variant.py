def parameters(rng):
    return {"k": rng.choice([5, 10, 20]), "p_s": rng.randint(40, 90) / 100}


def answer(k, p_s):
    beta = 1 / k  # the share of negatives kept
    return beta * p_s / (beta * p_s + 1 - p_s)


def wrong_answers(k, p_s):
    return {
        "no correction": p_s,
        "the probability multiplied by the sampling rate": p_s / k,
        "the corrected odds reported as a probability": p_s / (1 - p_s) / k,
    }
