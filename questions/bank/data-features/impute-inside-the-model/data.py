"""The data of the task, generated: six sensor readings, each missing in about a fifth of the rows, and a
target that depends on all of them.

The shape of the problem is fixed, the same on every installation (the means, spreads and weights below);
the rows and the missing cells are drawn from the grader's secret seed. The readings sit far from zero, so
a zero is no stand-in for a missing value; the margins are checked over many seeds by
tests/grader/test_ml_margins.py.
"""

import numpy as np
import pandas as pd

N_TRAIN, N_TEST = 1500, 2000
MEANS = np.array([50.0, 120.0, -40.0, 10.0, 300.0, 5.0])
SPREADS = np.array([10.0, 30.0, 8.0, 3.0, 50.0, 1.0])
WEIGHTS = np.array([0.3, 0.1, -0.5, 2.0, 0.02, 1.5])
MISSING_RATE, NOISE = 0.2, 1.0


def make_data(seed):
    rng = np.random.default_rng(seed)
    n = N_TRAIN + N_TEST
    readings = MEANS + SPREADS * rng.normal(size=(n, 6))
    y = 20.0 + (readings - MEANS) @ WEIGHTS + rng.normal(0, NOISE, n)
    readings[rng.random((n, 6)) < MISSING_RATE] = np.nan  # missing completely at random
    X = pd.DataFrame(readings.round(3), columns=[f"sensor_{i}" for i in range(1, 7)])
    return {"X_train": X.iloc[:N_TRAIN].reset_index(drop=True), "y_train": y[:N_TRAIN],
            "X_test": X.iloc[N_TRAIN:].reset_index(drop=True), "y_test": y[N_TRAIN:]}
