"""The data of the task, generated. The shape of the problem is fixed, the same on every installation, so
the pass mark means the same everywhere; the rows are drawn from the grader's secret seed, so the hidden
split cannot be looked up.

Positives sit in two small pockets on opposite sides of the origin, inside the wide cloud of negatives: no
single direction ranks them first, so linear scores (and anything built on one) stay near the baseline,
while trees find the pockets. The margin between the two is checked over many seeds by
tests/grader/test_ml_margins.py.
"""

import numpy as np

STRUCTURE_SEED = 7  # fixed on purpose: the problem's shape, not its rows
N_TRAIN, N_TEST = 2800, 4000  # a large hidden split keeps the metric's noise small
POSITIVE_RATE, LABEL_NOISE = 0.06, 0.01
POCKET_DISTANCE, POCKET_SPREAD, NEGATIVE_SPREAD = 3.0, 0.4, 2.0


def _structure():
    rng = np.random.default_rng(STRUCTURE_SEED)
    pocket = rng.choice([-1.0, 1.0], size=4) * POCKET_DISTANCE / 2  # a corner of a cube, 3.0 from the origin
    mixing = rng.uniform(-1, 1, size=(4, 4))
    mixing /= np.linalg.norm(mixing, axis=0)  # correlated informative features
    redundant = rng.uniform(-1, 1, size=(4, 4))  # linear combinations of the informative ones
    return pocket, mixing, redundant


def make_data(seed):
    pocket, mixing, redundant = _structure()
    rng = np.random.default_rng(seed)
    n = N_TRAIN + N_TEST
    y = (rng.random(n) < POSITIVE_RATE).astype(int)
    side = rng.choice([-1.0, 1.0], size=(n, 1))
    latent = np.where(
        y[:, None] == 1, side * pocket + rng.normal(0, POCKET_SPREAD, (n, 4)), rng.normal(0, NEGATIVE_SPREAD, (n, 4))
    )
    informative = latent @ mixing
    X = np.hstack([informative, informative @ redundant, rng.normal(size=(n, 4))])
    flipped = rng.random(n) < LABEL_NOISE
    y = np.where(flipped, rng.integers(0, 2, n), y)
    return {"X_train": X[:N_TRAIN], "y_train": y[:N_TRAIN], "X_test": X[N_TRAIN:], "y_test": y[N_TRAIN:]}
