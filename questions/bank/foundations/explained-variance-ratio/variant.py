def parameters(rng):
    return {
        "l1": round(rng.uniform(3.0, 8.0), 2),
        "l2": round(rng.uniform(1.0, 2.9), 2),
        "l3": round(rng.uniform(0.4, 0.9), 2),
        "l4": round(rng.uniform(0.05, 0.35), 2),
    }


def answer(l1, l2, l3, l4):
    return (l1 + l2) / (l1 + l2 + l3 + l4)


def wrong_answers(l1, l2, l3, l4):
    total = l1 + l2 + l3 + l4
    return {
        "first component only": l1 / total,
        "divided by the discarded variance": (l1 + l2) / (l3 + l4),
        "the discarded share instead of the kept one": (l3 + l4) / total,
    }
