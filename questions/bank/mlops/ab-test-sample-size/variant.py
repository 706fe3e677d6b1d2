def parameters(rng):
    p1_pct = rng.choice([2, 3, 4, 5, 6, 8, 10])
    lift_pct = rng.choice([5, 10, 15, 20])
    return {"p1_pct": p1_pct, "lift_pct": lift_pct, "p2_pct": round(p1_pct * (1 + lift_pct / 100), 4)}


def _n(p1, p2, z_alpha=1.96, z_power=0.84):
    return (z_alpha + z_power) ** 2 * (p1 * (1 - p1) + p2 * (1 - p2)) / (p2 - p1) ** 2


def answer(p1_pct, lift_pct, p2_pct):
    return _n(p1_pct / 100, p2_pct / 100)


def wrong_answers(p1_pct, lift_pct, p2_pct):
    p1, p2 = p1_pct / 100, p2_pct / 100
    return {
        "power ignored (z for the power left out)": _n(p1, p2, z_power=0.0),
        "one-sided significance level (z = 1.645)": _n(p1, p2, z_alpha=1.645),
        "both groups together": 2 * _n(p1, p2),
        "lift read as percentage points": _n(p1, p1 + lift_pct / 100),
    }
