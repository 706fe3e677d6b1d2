import math

TOLERANCE = 0.005


def parameters(rng):
    while True:
        params = {"z1": rng.choice(range(-4, 9)) / 2, "z2": rng.choice(range(-4, 9)) / 2,
                  "z3": rng.choice(range(-4, 9)) / 2, "label": rng.randint(1, 3)}
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE for w in wrong_answers(**params).values()):
            return params


def _log_sum_exp(z):
    top = max(z)
    return top + math.log(sum(math.exp(v - top) for v in z))


def answer(z1, z2, z3, label):
    z = [z1, z2, z3]
    return _log_sum_exp(z) - z[label - 1]


def wrong_answers(z1, z2, z3, label):
    z = [z1, z2, z3]
    loss = answer(z1, z2, z3, label)
    wrong = {
        "log base 2": loss / math.log(2),
        "log base 10": loss / math.log(10),
        "probability of the true class instead of the loss": math.exp(-loss),
        "minus the true logit, no normalisation": -z[label - 1],
    }
    if label < 3:
        wrong["class number used as a 0-based index"] = _log_sum_exp(z) - z[label]
    return wrong
