"""How ML tasks' method checks are judged on the trusted side, from what a run returned (issue 13)."""

import pytest

from grader.judging import SINGLE_ROWS, ml_check_batches, ml_check_outcomes, ml_score

CHECKS = ["batch_independence", "reproducible"]
PREDICTIONS = [0.1 * i for i in range(40)]


def run_case(seed=3):
    return {"checks": CHECKS, "batches": ml_check_batches(len(PREDICTIONS), seed)}


def returned(case, change=lambda rows, values: values, again=None):
    """What an honest run returns, with each batch's predictions passed through `change`."""
    batches = [change(rows, [PREDICTIONS[r] for r in rows]) for rows in case["batches"]]
    return {"predictions": PREDICTIONS, "batches": batches, "again": list(PREDICTIONS) if again is None else again}


def test_the_batches_are_two_shuffled_halves_and_single_rows():
    halves_and_singles = ml_check_batches(40, seed=3)
    first, second, *singles = halves_and_singles
    assert sorted(first + second) == list(range(40)) and len(first) == 20
    assert first != sorted(first)  # shuffled
    assert len(singles) == SINGLE_ROWS and all(len(s) == 1 for s in singles)
    assert ml_check_batches(40, seed=3) == halves_and_singles and ml_check_batches(40, seed=4) != halves_and_singles


def test_an_honest_model_passes_both_checks():
    case = run_case()
    assert ml_check_outcomes(CHECKS, case, returned(case)) == {"batch_independence": True, "reproducible": True}


def test_rounding_noise_is_tolerated_but_a_real_change_is_not():
    case = run_case()
    noise = returned(case, lambda rows, values: [v * (1 + 1e-9) for v in values])
    assert ml_check_outcomes(CHECKS, case, noise)["batch_independence"] is True
    shifted = returned(case, lambda rows, values: [v + 1e-4 for v in values] if len(rows) == 1 else values)
    assert ml_check_outcomes(CHECKS, case, shifted)["batch_independence"] is False


@pytest.mark.parametrize("broken", [
    lambda rows, values: None,  # predicting the batch raised
    lambda rows, values: values[:-1],  # too few predictions
    lambda rows, values: [float("nan")] * len(values),
])
def test_a_batch_that_failed_or_came_back_malformed_fails_the_check(broken):
    case = run_case()
    assert ml_check_outcomes(CHECKS, case, returned(case, broken))["batch_independence"] is False


def test_a_second_training_that_predicts_otherwise_fails_reproducibility():
    case = run_case()
    assert ml_check_outcomes(CHECKS, case, returned(case, again=[p + 0.01 for p in PREDICTIONS]))["reproducible"] is False
    assert ml_check_outcomes(CHECKS, case, returned(case, again=None) | {"again": None})["reproducible"] is False


def test_the_checks_points_count_once_the_metric_passes_and_acceptance_needs_every_check():
    spec = {"checks": {"batch_independence": 6, "reproducible": 2}, "baseline": 0.5, "target": 0.9, "pass_at": 0.8,
            "direction": "higher"}
    both = {"batch_independence": True, "reproducible": True}
    assert ml_score(spec, 20, 0.9, both) == (True, 20.0)
    assert ml_score(spec, 20, 0.9, {**both, "batch_independence": False}) == (False, 14.0)
    assert ml_score(spec, 20, 0.7, both) == (False, 6.0)  # 12 metric points at half way, no check points
