"""Cases for adam-step: visible examples, and hidden fixed edge cases plus seeded random ones."""


def _case(category, params, grads, state=None, array_args=(), **kwargs):
    args = [params, grads] + ([state] if state is not None else [])
    return {"category": category, "args": args, "kwargs": kwargs, "array_args": list(array_args)}


def examples():
    return [
        _case("first step", [1.0, -2.0, 0.5], [0.1, -0.3, 0.0]),
        _case("later steps", [0.99, -1.99, 0.5], [0.2, -0.1, 0.05], {"m": [0.01, -0.03, 0.0], "v": [1e-5, 9e-5, 0.0], "t": 1}),
        _case("invalid arguments", [1.0], [0.1], lr=-0.01),
    ]


def hidden(rng):
    state = {"m": [0.05, -0.2, 0.0, 0.3], "v": [0.004, 0.02, 1e-6, 0.05], "t": 5}
    p4, g4 = [0.5, -1.5, 2.0, 0.0], [0.3, -0.05, 0.8, -1.2]
    cases = [
        _case("first step", [3.0, -3.0], [1e-3, 250.0]),  # both move by about lr: bias correction
        _case("first step", [1.0, 2.0], [0.0, 0.0]),  # no gradient, no move
        _case("first step", p4, g4, {"m": [0.0] * 4, "v": [0.0] * 4, "t": 0}, lr=0.01),  # like state=None
        _case("first step", [], []),
        _case("small gradients", [1.0, -1.0, 0.25], [1e-6, -2e-7, 3e-9]),  # eps is added after the square root
        _case("small gradients", [1.0, -1.0], [1e-9, 1e-5], {"m": [1e-9, 0.0], "v": [1e-18, 1e-12], "t": 3}, eps=1e-6),
        _case("later steps", p4, g4, state, lr=0.01),
        _case("later steps", p4, g4, state, lr=0.01, beta1=0.5, beta2=0.9),
        _case("later steps", p4, g4, {"m": state["m"], "v": state["v"], "t": 1000}, lr=0.003),
        _case("later steps", p4, [0.0, 0.0, 0.0, 0.0], state, lr=0.05),  # momentum keeps moving
        _case("weight decay", p4, g4, None, lr=0.1, weight_decay=0.1),
        _case("weight decay", p4, g4, state, lr=0.05, weight_decay=0.5),
        _case("weight decay", [10.0, -4.0], [0.0, 0.0], lr=0.2, weight_decay=0.01),
        _case("boundary values", p4, g4, state, lr=0.0),  # legal: the moments still update
        _case("boundary values", p4, g4, None, eps=0.0),
        _case("boundary values", p4, g4, state, eps=0.0, beta1=0.0),
        _case("boundary values", p4, g4, state, beta2=0.0),
        _case("boundary values", p4, g4, state, beta1=0.999999, beta2=0.999999),
        _case("array inputs", p4, g4, None, array_args=(0, 1), lr=0.02),
        _case("invalid arguments", p4, g4, lr=-1e-6),
        _case("invalid arguments", p4, g4, eps=-1e-8),
        _case("invalid arguments", p4, g4, weight_decay=-0.01),
        _case("invalid arguments", p4, g4, beta1=1.0),
        _case("invalid arguments", p4, g4, beta2=1.0),
        _case("invalid arguments", p4, g4, beta1=-0.1),
        _case("invalid arguments", p4, g4, beta2=-0.5),
        _case("invalid arguments", p4, g4[:3]),
        _case("invalid arguments", p4, g4, {"m": state["m"][:3], "v": state["v"], "t": 5}),
        _case("invalid arguments", p4, g4, {"m": state["m"], "v": state["v"] + [0.1], "t": 5}),
        _case("invalid arguments", p4, g4, {"m": state["m"], "v": state["v"], "t": -1}),
        # a length of 1 (or 0 against 1) broadcasts in NumPy instead of raising: only an explicit check catches it
        _case("invalid arguments", p4, [0.3]),
        _case("invalid arguments", [0.5], g4),
        _case("invalid arguments", [], [0.3]),
        _case("invalid arguments", p4, g4, {"m": [0.05], "v": state["v"], "t": 5}),
        _case("invalid arguments", p4, g4, {"m": state["m"], "v": [0.004], "t": 5}),
    ]
    for _ in range(15):
        n = rng.randint(0, 8)
        params = [round(rng.gauss(0, 2), 4) for _ in range(n)]
        grads = [round(rng.gauss(0, 1) * 10 ** rng.randint(-4, 1), 6) for _ in range(n)]
        prior = None
        if rng.random() < 0.6:
            prior = {"m": [rng.gauss(0, 0.1) for _ in range(n)], "v": [rng.gauss(0, 0.1) ** 2 for _ in range(n)],
                     "t": rng.randint(1, 60)}
        kwargs = {"lr": rng.choice([1e-4, 1e-3, 1e-2, 0.1]), "beta1": rng.choice([0.0, 0.5, 0.9, 0.95]),
                  "beta2": rng.choice([0.9, 0.99, 0.999]), "eps": rng.choice([1e-8, 1e-6, 1e-3]),
                  "weight_decay": rng.choice([0.0, 0.0, 0.01, 0.1])}
        cases.append(_case("random", params, grads, prior, **kwargs))
    return cases
