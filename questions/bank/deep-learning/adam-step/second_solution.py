"""Plain Python, one parameter at a time."""
import math


def adam_step(params, grads, state=None, *, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    for name, value in (("lr", lr), ("eps", eps), ("weight_decay", weight_decay)):
        if value < 0:
            raise ValueError(f"{name} must be >= 0")
    for name, value in (("beta1", beta1), ("beta2", beta2)):
        if not 0 <= value < 1:
            raise ValueError(f"{name} must be in [0, 1)")
    params, grads = [float(x) for x in params], [float(x) for x in grads]
    n = len(params)
    if state is None:
        m, v, t = [0.0] * n, [0.0] * n, 0
    else:
        m, v, t = [float(x) for x in state["m"]], [float(x) for x in state["v"]], state["t"]
    if len(grads) != n or len(m) != n or len(v) != n:
        raise ValueError("params, grads, m and v must have the same length")
    if t < 0:
        raise ValueError("t must be >= 0")
    t += 1
    correction1, correction2 = 1 - beta1**t, 1 - beta2**t
    new_p, new_m, new_v = [], [], []
    for p, g, mi, vi in zip(params, grads, m, v):
        p *= 1 - lr * weight_decay
        mi = beta1 * mi + (1 - beta1) * g
        vi = beta2 * vi + (1 - beta2) * g * g
        p -= lr * (mi / correction1) / (math.sqrt(vi / correction2) + eps)
        new_p.append(p)
        new_m.append(mi)
        new_v.append(vi)
    return {"params": new_p, "m": new_m, "v": new_v, "t": t}
