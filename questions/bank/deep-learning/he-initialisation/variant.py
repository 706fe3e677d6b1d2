import math

TOLERANCE = 0.01


def parameters(rng):
    while True:
        params = {"fan_in": rng.choice([64, 100, 128, 256, 300, 512, 784, 1024]),
                  "fan_out": rng.choice([10, 32, 64, 128, 256, 512])}
        right = answer(**params)
        if all(abs(w - right) > 2 * TOLERANCE * right for w in wrong_answers(**params).values()):
            return params


def answer(fan_in, fan_out):
    return math.sqrt(2 / fan_in)


def wrong_answers(fan_in, fan_out):
    return {
        "Glorot (Xavier) normal": math.sqrt(2 / (fan_in + fan_out)),
        "LeCun: sqrt(1 / fan_in)": math.sqrt(1 / fan_in),
        "the variance 2 / fan_in instead of the standard deviation": 2 / fan_in,
        "fan-out mode": math.sqrt(2 / fan_out),
    }
