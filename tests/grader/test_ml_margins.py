"""Issue 7: every installation loads the bank, whatever its hidden seed. For every ML task, over 200 seeds,
the solution passes and every known-wrong solution fails, each with a margin far larger than the noise.

For speed the models run here, outside the sandbox, through the same code that the sandbox runs
(`harness._run_ml_case`) and that the trusted side judges with (`judging.ml_metric`,
`judging.ml_check_outcomes`, the task's data.py).

The metric: the test prints the closest call of each task; it fails if any seed passes a wrong solution or
fails the solution, or if a mean score lies within MIN_SIGMAS standard deviations of the pass mark (so a
seed beyond the 200 tried is no more likely to fail than a Gaussian tail that far out: about 1 in 3.5
million).

The method checks (issue 13), on the first CHECK_SEEDS seeds: the solution passes every check of its task.
A known-wrong solution that leaks (it fits something on the rows it predicts, or is not reproducible) may
score like the solution, so it must instead fail a method check on every one of those seeds; its metric is
then not held to the margin (nor computed past those seeds). Such failures do not depend on the rows drawn: a model that standardises a
batch with the batch's own statistics answers differently for half a batch whatever the seed.
"""

import statistics
import warnings

import numpy as np
import pytest
from django.conf import settings
from threadpoolctl import threadpool_limits

from grader import judging
from grader.sandbox import harness
from questions.bank_format import load_bank
from questions.trusted_code import function_from

SEEDS = range(200)
CHECK_SEEDS = range(30)
MIN_SIGMAS = 5
ML_TASKS = [q for q in load_bank(settings.BANK_DIR).questions if q.type == "ml"]


def runs_over_seeds(spec: dict) -> tuple[dict[str, list[float]], dict[str, list[dict[str, bool]]], set[str]]:
    """The metric of the solution and of each wrong solution on the hidden split of every seed, the outcomes
    of the task's method checks on the first CHECK_SEEDS seeds, and the wrong solutions that fail a check on
    every one of those (their metric is not needed past them, so it is not computed)."""
    make_data = function_from(spec["data"], "data.py", "make_data")
    builders = {"solution": function_from(spec["solution"], "solution", spec["entry_point"])}
    builders |= {f"wrong/{name}": function_from(code, name, spec["entry_point"]) for name, code in spec["wrong"].items()}
    scores: dict[str, list[float]] = {name: [] for name in builders}
    outcomes: dict[str, list[dict[str, bool]]] = {name: [] for name in builders}
    caught: set[str] = set()
    with threadpool_limits(1), warnings.catch_warnings():  # one thread, as in the sandbox
        warnings.simplefilter("ignore")
        for seed in SEEDS:
            if seed == len(CHECK_SEEDS) and spec["checks"]:
                caught = {name for name, runs in outcomes.items()
                          if name != "solution" and all(not all(run.values()) for run in runs)}
            data = make_data(seed)
            checks = list(spec["checks"]) if seed in CHECK_SEEDS else []
            case = {"X_train": judging.ml_features(data["X_train"]), "y_train": np.asarray(data["y_train"]).tolist(),
                    "X_test": judging.ml_features(data["X_test"]), "predict": spec["predict"], "checks": checks,
                    "batches": judging.ml_check_batches(len(data["y_test"]), seed)}
            for name, build_model in builders.items():
                if name in caught:
                    continue
                value = harness.to_plain(harness._run_ml_case(build_model, case))  # as the result channel carries it
                scores[name].append(judging.ml_metric(spec["metric"], data["y_test"], value["predictions"]))
                if checks:
                    outcomes[name].append(judging.ml_check_outcomes(checks, case, value))
    return scores, outcomes, caught


def margin_to_pass_mark(spec: dict, name: str, value: float) -> float:
    """How far a score is on its own side of the pass mark: negative when the solution fails or a wrong one passes."""
    above = value - spec["pass_at"] if spec["direction"] == "higher" else spec["pass_at"] - value
    return above if name == "solution" else -above


@pytest.mark.parametrize("task", ML_TASKS, ids=lambda t: t.slug)
def test_solutions_pass_and_wrong_solutions_fail_with_a_margin_on_every_seed(task, capsys):
    spec = task.spec
    scores, outcomes, caught_by_checks = runs_over_seeds(spec)
    judged = {name: values for name, values in scores.items() if name not in caught_by_checks}
    calls = [(margin_to_pass_mark(spec, name, value), name, seed, value)
             for name, values in judged.items() for seed, value in zip(SEEDS, values)]
    margin, name, seed, value = min(calls)
    sigmas = {name: abs(statistics.mean(v) - spec["pass_at"]) / max(statistics.stdev(v), 1e-9) for name, v in judged.items()}
    with capsys.disabled():
        print(f"\n{task.slug}: closest call over {len(SEEDS)} seeds: {name} scores {value:.4f} on seed {seed}, "
              f"{margin:+.4f} from pass_at {spec['pass_at']}; nearest mean "
              f"{min(sigmas.values()):.1f} standard deviations from it ({min(sigmas, key=sigmas.get)})")
        for n, v in scores.items():
            failed = {check: sum(not run[check] for run in outcomes[n]) for check in spec["checks"]}
            checks = ", ".join(f"{check} failed on {count}/{len(CHECK_SEEDS)}" for check, count in failed.items())
            seeds = f" over {len(v)} seeds" if len(v) < len(SEEDS) else ""
            print(f"  {n:32} mean {np.mean(v):.4f}  sd {np.std(v):.4f}  range {min(v):.4f}..{max(v):.4f}{seeds}"
                  + (f"  ({checks})" if checks else ""))
    assert all(all(run.values()) for run in outcomes["solution"]), f"the solution fails a method check: {outcomes['solution']}"
    assert margin > 0, f"{name} is on the wrong side of pass_at on seed {seed} ({value:.4f})"
    assert all(s >= MIN_SIGMAS for s in sigmas.values()), sigmas
