def parameters(rng):
    # Draw again in the rare variant where a classic mistake gives the right number by chance: such a
    # variant cannot tell who knows the dot product.
    while True:
        params = {f"{n}{i}": rng.randint(-9, 9) for n in "ab" for i in (1, 2, 3)}
        if answer(**params) not in wrong_answers(**params).values():
            return params


def answer(a1, a2, a3, b1, b2, b3):
    return a1 * b1 + a2 * b2 + a3 * b3


def wrong_answers(a1, a2, a3, b1, b2, b3):
    return {
        "the product of the sums, (a1 + a2 + a3)(b1 + b2 + b3)": (a1 + a2 + a3) * (b1 + b2 + b3),
        "signs dropped: the sum of |a_i · b_i|": abs(a1 * b1) + abs(a2 * b2) + abs(a3 * b3),
    }
