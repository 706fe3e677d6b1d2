def parameters(rng):
    return {f"{n}{i}": rng.randint(-9, 9) for n in "ab" for i in (1, 2, 3)}


def answer(a1, a2, a3, b1, b2, b3):
    return a1 * b1 + a2 * b2 + a3 * b3
