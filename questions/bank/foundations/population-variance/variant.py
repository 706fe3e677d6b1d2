MIN_GAP = 0.03  # three times the tolerance: a classic mistake, even rounded, is never accepted


def parameters(rng):
    # Draw again in the rare variant where a classic mistake gives nearly the right number (equal values
    # make every variance 0; a variance of 1 equals its square root).
    while True:
        params = {f"x{i}": rng.randint(10, 60) for i in range(1, 6)}
        if all(abs(wrong - answer(**params)) > MIN_GAP for wrong in wrong_answers(**params).values()):
            return params


def answer(x1, x2, x3, x4, x5):
    xs = [x1, x2, x3, x4, x5]
    mean = sum(xs) / len(xs)
    return sum((x - mean) ** 2 for x in xs) / len(xs)


def wrong_answers(x1, x2, x3, x4, x5):
    xs = [x1, x2, x3, x4, x5]
    mean = sum(xs) / len(xs)
    squared_deviations = sum((x - mean) ** 2 for x in xs)
    return {
        "sample variance: divided by n − 1": squared_deviations / (len(xs) - 1),
        "the standard deviation: square-rooted": (squared_deviations / len(xs)) ** 0.5,
        "the sum of squared deviations, not divided": squared_deviations,
        "the mean of the squares, the squared mean not subtracted": sum(x * x for x in xs) / len(xs),
    }
