def parameters(rng):
    while True:
        rate, latency_ms = rng.randrange(200, 3001, 50), rng.randrange(15, 301, 5)
        if rate * latency_ms % 1000:
            return {"rate": rate, "latency_ms": latency_ms}


def answer(rate, latency_ms):
    return -(-rate * latency_ms // 1000)  # ceil(rate * latency / 1000 ms)


def wrong_answers(rate, latency_ms):
    return {
        "rounded down": rate * latency_ms // 1000,
        "rate divided by latency": rate / latency_ms,
        "milliseconds taken as seconds": rate * latency_ms,
    }
