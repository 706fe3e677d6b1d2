def parameters(rng):
    return {
        "precision": rng.choice([0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]),
        "cost": rng.choice([20, 25, 30, 40, 50]),
        "saving": rng.choice([150, 200, 300, 400, 600]),
    }


def answer(precision, cost, saving):
    return precision * saving - cost


def wrong_answers(precision, cost, saving):
    return {
        "the review cost left out": precision * saving,
        "the cost charged to fraudulent claims only": precision * (saving - cost),
        "saving minus cost, ignoring precision": float(saving - cost),
    }
