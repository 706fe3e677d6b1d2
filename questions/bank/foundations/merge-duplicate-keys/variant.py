def parameters(rng):
    return {"a": rng.randint(2, 9), "b": rng.randint(1, 9), "c": rng.randint(1, 9), "dup": rng.randint(2, 3)}


def answer(a, b, c, dup):
    return a * dup + b + c


def wrong_answers(a, b, c, dup):
    return {
        "the row count of orders (duplicates ignored)": a + b + c,
        "an inner merge (C dropped)": a * dup + b,
        "C's orders dropped and duplicates ignored": a + b,
    }
