def parameters(rng):
    return {f"x{i}": rng.randint(10, 60) for i in range(1, 6)}


def answer(x1, x2, x3, x4, x5):
    xs = [x1, x2, x3, x4, x5]
    mean = sum(xs) / len(xs)
    return sum((x - mean) ** 2 for x in xs) / len(xs)
