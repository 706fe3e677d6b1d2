def parameters(rng):
    return {"rows_millions": rng.choice([0.5, 1, 2, 3, 4, 5, 8, 10]), "cols": rng.choice([20, 25, 40, 50, 64, 100, 120])}


def answer(rows_millions, cols):
    return rows_millions * 1_000_000 * cols * 8 / 1e6


def wrong_answers(rows_millions, cols):
    values = rows_millions * 1_000_000 * cols
    return {
        "4 bytes per value (float32)": values * 4 / 1e6,
        "64 per value (bits, not bytes)": values * 64 / 1e6,
        "MiB instead of MB": values * 8 / 2**20,
    }
