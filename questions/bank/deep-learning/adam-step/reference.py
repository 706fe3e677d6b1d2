"""Trusted oracle: torch.optim.AdamW's single-tensor update, transcribed (PyTorch is not installed here)."""
import math

import numpy as np


def adam_step(params, grads, state=None, *, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    if not 0.0 <= lr:
        raise ValueError(f"Invalid learning rate: {lr}")
    if not 0.0 <= eps:
        raise ValueError(f"Invalid epsilon value: {eps}")
    if not 0.0 <= beta1 < 1.0 or not 0.0 <= beta2 < 1.0:
        raise ValueError(f"Invalid beta parameters: {beta1}, {beta2}")
    if not 0.0 <= weight_decay:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")
    param = np.array(params, dtype=float)
    grad = np.array(grads, dtype=float)
    if state is None:
        state = {"m": np.zeros_like(param), "v": np.zeros_like(param), "t": 0}
    exp_avg, exp_avg_sq = np.array(state["m"], dtype=float), np.array(state["v"], dtype=float)
    if not (param.shape == grad.shape == exp_avg.shape == exp_avg_sq.shape) or param.ndim != 1 or state["t"] < 0:
        raise ValueError("shapes do not match")
    step = state["t"] + 1
    param = param * (1 - lr * weight_decay)
    exp_avg = exp_avg + (grad - exp_avg) * (1 - beta1)  # torch's lerp_
    exp_avg_sq = exp_avg_sq * beta2 + (1 - beta2) * grad * grad
    bias_correction1 = 1 - beta1**step
    bias_correction2 = 1 - beta2**step
    step_size = lr / bias_correction1
    denom = np.sqrt(exp_avg_sq) / math.sqrt(bias_correction2) + eps
    param = param - step_size * exp_avg / denom
    return {"params": param.tolist(), "m": exp_avg.tolist(), "v": exp_avg_sq.tolist(), "t": int(step)}
