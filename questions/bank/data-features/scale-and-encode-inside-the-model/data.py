"""The data of the task, generated: customers of a subscription service and whether they churned.

The shape of the problem is fixed, the same on every installation (the effects below), so the pass mark
means the same everywhere; the rows are drawn from the grader's secret seed. Numeric columns live on very
different scales (income in the tens of thousands, ages in tens), and two text columns carry much of the
signal, so a model needs both scaling and an encoding of the categories; the margins are checked over many
seeds by tests/grader/test_ml_margins.py.
"""

import numpy as np
import pandas as pd

N_TRAIN, N_TEST = 2000, 5000
PLANS = {"basic": 1.2, "plus": 0.3, "pro": -0.6, "enterprise": -1.6}  # effect on the log-odds of churning
REGIONS = {"north": 0.6, "south": -0.4, "east": 0.9, "west": -0.8, "centre": 0.0, "islands": 1.1,
           "mountains": -1.0, "coast": 0.3}


def make_data(seed):
    rng = np.random.default_rng(seed)
    n = N_TRAIN + N_TEST
    income = np.exp(rng.normal(10.8, 0.5, n))  # about 50,000 a year
    age = rng.uniform(18, 80, n)
    tenure_days = rng.uniform(0, 4000, n)
    tickets = rng.poisson(3, n).astype(float)
    plan = rng.choice(list(PLANS), n)
    region = rng.choice(list(REGIONS), n)
    logit = (-0.9 * (np.log(income) - 10.8) / 0.5 + 0.8 * (age - 49) / 18 - 1.1 * (tenure_days - 2000) / 1150
             + 0.5 * (tickets - 3) / 1.7 + np.vectorize(PLANS.get)(plan) + np.vectorize(REGIONS.get)(region) - 0.6)
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    X = pd.DataFrame({"income": income.round(2), "age": age.round(1), "tenure_days": tenure_days.round(0),
                      "tickets": tickets, "plan": pd.Series(plan, dtype="str"), "region": pd.Series(region, dtype="str")})
    return {"X_train": X.iloc[:N_TRAIN].reset_index(drop=True), "y_train": y[:N_TRAIN],
            "X_test": X.iloc[N_TRAIN:].reset_index(drop=True), "y_test": y[N_TRAIN:]}
