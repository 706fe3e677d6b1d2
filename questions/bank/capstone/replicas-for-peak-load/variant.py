import math


def _sizes(workers, latency_ms, peak_rps, max_util_pct):
    capacity = workers * 1000 / latency_ms
    u = max_util_pct / 100
    return {
        "right": math.ceil(peak_rps / (capacity * u) - 1e-9),
        "no headroom (100% busy)": math.ceil(peak_rps / capacity - 1e-9),
        "rounded down": math.floor(peak_rps / (capacity * u) + 1e-9),
        "headroom added as 1 + (1 − u)": math.ceil(peak_rps / capacity * (2 - u) - 1e-9),
    }


def parameters(rng):
    # Redraw until every classic slip gives a different number than the right answer.
    while True:
        params = {
            "workers": rng.choice([2, 4, 8]),
            "latency_ms": rng.choice([20, 25, 40, 50, 80]),
            "peak_rps": rng.randrange(300, 2001, 50),
            "max_util_pct": rng.choice([60, 65, 70, 75]),
        }
        sizes = _sizes(**params)
        if all(value != sizes["right"] for key, value in sizes.items() if key != "right"):
            return params


def answer(workers, latency_ms, peak_rps, max_util_pct):
    return _sizes(workers, latency_ms, peak_rps, max_util_pct)["right"]


def wrong_answers(workers, latency_ms, peak_rps, max_util_pct):
    sizes = _sizes(workers, latency_ms, peak_rps, max_util_pct)
    return {label: float(value) for label, value in sizes.items() if label != "right"}
