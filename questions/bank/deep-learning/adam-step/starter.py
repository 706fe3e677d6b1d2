import numpy as np


def adam_step(params, grads, state=None, *, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    """Return {"params": ..., "m": ..., "v": ..., "t": ...} after one AdamW step."""
    raise NotImplementedError
