import math


def parameters(rng):
    while True:
        cuts = sorted(rng.sample(range(5, 96), 3))
        shares = [cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], 100 - cuts[2]]
        if min(shares) >= 5 and 0.02 <= answer(*shares) <= 1.0:
            return dict(zip(["a1", "a2", "a3", "a4"], shares))


def answer(a1, a2, a3, a4):
    return sum((a / 100 - 0.25) * math.log(a / 100 / 0.25) for a in (a1, a2, a3, a4))


def wrong_answers(a1, a2, a3, a4):
    shares = [a / 100 for a in (a1, a2, a3, a4)]
    return {
        "KL divergence of actual from expected only": sum(a * math.log(a / 0.25) for a in shares),
        "KL divergence of expected from actual only": sum(0.25 * math.log(0.25 / a) for a in shares),
        "log base 10 instead of the natural log": sum((a - 0.25) * math.log10(a / 0.25) for a in shares),
    }
