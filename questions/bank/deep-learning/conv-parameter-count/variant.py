def parameters(rng):
    while True:
        params = {"c_in": rng.choice([1, 3, 16, 32, 64]), "c_out": rng.choice([8, 16, 32, 64, 128]),
                  "k": rng.choice([3, 5, 7])}
        right = answer(**params)
        if all(w != right for w in wrong_answers(**params).values()):
            return params


def answer(c_in, c_out, k):
    return (k * k * c_in + 1) * c_out


def wrong_answers(c_in, c_out, k):
    return {
        "bias forgotten": k * k * c_in * c_out,
        "input channels ignored": (k * k + 1) * c_out,
        "kernel counted as k, not k x k": (k * c_in + 1) * c_out,
        "one bias per input channel": k * k * c_in * c_out + c_in,
    }
