import random


def bootstrap_indices(n_samples, n_bootstraps, *, random_state=None):
    # The standard library's generator instead of NumPy's: draws with replacement are random.choices.
    if n_samples < 1 or n_bootstraps < 1:
        raise ValueError("n_samples and n_bootstraps must be at least 1")
    generator = random.Random(random_state)
    population = range(n_samples)
    return [generator.choices(population, k=n_samples) for _ in range(n_bootstraps)]
