import math


def parameters(rng):
    # Redraw the few pairs where σ²/n comes out (nearly) equal to σ/√n, e.g. σ = 4 and n = 16.
    while True:
        n = rng.choice([16, 25, 30, 40, 50, 64, 80, 100, 150, 200])
        sigma = rng.choice([3, 4, 6, 8, 12, 15, 20, 25])
        if abs(sigma**2 / n - sigma / math.sqrt(n)) > 0.05 * sigma / math.sqrt(n):
            return {"n": n, "sigma": sigma}


def answer(n, sigma):
    return sigma / math.sqrt(n)


def wrong_answers(n, sigma):
    return {"σ / n": sigma / n, "the variance σ² / n": sigma**2 / n, "σ itself": float(sigma)}
