"""The trusted side of a run: send the inputs into the sandbox, then decide the verdict and the score.

Everything here runs outside the sandbox. The steps, each in a module of its own:
cases and expected values (grader/cases.py) -> the run (grader/sandbox/) -> the result channel's records,
validated (grader/records.py) -> each case decided (grader/comparison.py) -> the verdict (here) -> what the
candidate may read (grader/feedback.py, the one place that writes candidate-visible text).
"""

from __future__ import annotations

import math
import random
import sys
from dataclasses import dataclass

import numpy as np

from grader import feedback
from grader.cases import EXAMPLES, HIDDEN, Case, code_run_json, prepared_cases
from grader.comparison import CaseResult, compare_case
from grader.models import Verdict
from grader.records import validate_records
from grader.sandbox.harness import to_plain
from grader.sandbox.launcher import Limits, RunOutcome, run_sandboxed
from questions.trusted_code import function_from


@dataclass
class Judgement:
    """The verdict of one grading, with what the candidate may see and what only staff may see."""

    verdict: str
    score: float
    max_score: float
    passed: int
    total: int
    feedback: dict
    details: dict


def limits_for(spec: dict) -> Limits:
    return Limits(**spec.get("limits", {}))


def judge_code(spec: dict, cases: list[Case], expected: dict, outcome: RunOutcome, *, points: float,
               code: str | None = None) -> Judgement:
    """Turn what the sandbox returned into a verdict and a score, failing closed on anything unexpected.

    When the submission failed to load, its `code` is compiled here, on the trusted side: a compile error found so
    is shown in full even for a hidden run (the run's own report of it is the code's to forge). Compiling only
    then, not before every run, saved about half a millisecond per grading.
    """
    total = len(cases)
    visible = all(c.visible for c in cases)
    channel = validate_records(outcome.records, malformed=outcome.malformed, case_ids={c.id for c in cases})

    def whole(verdict: str, candidate_feedback: dict, **details) -> Judgement:
        return Judgement(verdict, 0.0, points, 0, total, candidate_feedback,
                         {**_details([], outcome, channel.tampered), **details})

    if outcome.output_exceeded:
        return whole(Verdict.OUTPUT_LIMIT, feedback.output_limit())
    if outcome.memory_exceeded:  # the run's processes and scratch together (its cgroup), not one of them
        return whole(Verdict.MEMORY_LIMIT, feedback.memory_limit())
    if channel.tampered:
        return whole(Verdict.WRONG_ANSWER, feedback.tampered(total))
    if channel.loaded is None:
        if outcome.timed_out:
            return whole(Verdict.TIME_LIMIT, feedback.load_timed_out())
        return whole(Verdict.RUNTIME_ERROR, feedback.never_started())
    if not channel.loaded["ok"]:
        if code is not None and (message := feedback.compile_error(code)) is not None:
            return whole(Verdict.RUNTIME_ERROR, feedback.whole_run(Verdict.RUNTIME_ERROR, message), compile_error=message)
        return whole(*feedback.load_failed(channel.loaded["error"], visible=visible, spec=spec))

    results = [compare_case(spec, c, expected[c.id], channel.cases.get(c.id)) for c in cases]
    verdict = feedback.case_verdict(results, timed_out=outcome.timed_out)
    passed = sum(r.passed for r in results)
    return Judgement(
        verdict=verdict,
        score=round(points * passed / total, 4) if total else 0.0,
        max_score=points,
        passed=passed,
        total=total,
        feedback=feedback.for_cases(verdict, results),
        details=_details(results, outcome, False),
    )


def _details(results: list[CaseResult], outcome: RunOutcome, tampered: bool) -> dict:
    """The full trusted-side record of a run, for staff only (never shown to a candidate). A passing case is
    its id and category alone: what failed is what staff read, and every grading stores this."""
    return {
        "cases": [
            {"id": r.case.id, "category": r.case.category, "passed": True} if r.passed else
            {"id": r.case.id, "category": r.case.category, "passed": False, "failure": r.failure,
             "error_type": r.error_type[:200], "detail": r.detail[:2000]}
            for r in results
        ],
        "seconds": round(outcome.seconds, 3),
        "exit_code": outcome.exit_code,
        "output": outcome.output[-4000:],
        "timed_out": outcome.timed_out,
        "tampered": tampered,
    }


def run_code_task(spec: dict, code: str, *, which: str, seed: int, points: float, prepared=None) -> Judgement:
    """Grade `code` on the task's example or hidden cases through the sandbox.

    `prepared` is (cases, expected) when the caller already has them (stored per question version);
    otherwise they are computed here (once per process).
    """
    cases, expected = prepared or prepared_cases(spec, which=which, seed=seed)
    outcome = run_sandboxed(
        submission=code,
        run=code_run_json(cases, entry_point=spec["entry_point"], packages=spec["packages"]),
        packages=spec["packages"],
        limits=limits_for(spec),
    )
    return judge_code(spec, cases, expected, outcome, points=points, code=code)


# ------------------------------------------------------------------ ML tasks

def ml_metric(name: str, y_true, predictions) -> float:
    from sklearn import metrics

    if name == "pr_auc":
        return float(metrics.average_precision_score(y_true, predictions))
    if name == "roc_auc":
        return float(metrics.roc_auc_score(y_true, predictions))
    if name == "rmse":
        return float(np.sqrt(metrics.mean_squared_error(y_true, predictions)))
    raise ValueError(f"unknown metric {name}")


def metric_fraction(spec: dict, value: float) -> float:
    """Points as a share: 0 at the baseline or worse, 1 at the target or better, linear between."""
    span = spec["target"] - spec["baseline"]
    return float(min(1.0, max(0.0, (value - spec["baseline"]) / span)))


_ML_ACCEPT_ANY = "def check(case, expected, got):\n    return None\n"
# The method checks an ML task asks for in question.yaml (`checks: {name: points}`, bank_format.ML_CHECKS) compare
# predictions within this tolerance (floating point differs a little with the batch's size).
ML_CHECK_RTOL, ML_CHECK_ATOL = 1e-6, 1e-7
SINGLE_ROWS = 20  # test rows that batch_independence predicts one by one


def ml_features(X):
    """A split's features as they travel to the sandbox: a DataFrame as tagged plain data, else a list of rows."""
    pd = sys.modules.get("pandas")  # loaded already when a task's data.py builds frames
    if pd is not None and type(X) is pd.DataFrame:
        return to_plain(X)
    return np.asarray(X).tolist()


def ml_check_batches(n_test: int, seed: int) -> list[list[int]]:
    """The batches batch_independence predicts again: the test rows in two shuffled halves, then a few alone."""
    rng = random.Random(seed)
    order = list(range(n_test))
    rng.shuffle(order)
    return [order[: n_test // 2], order[n_test // 2:]] + [[row] for row in order[:SINGLE_ROWS]]


def _finite_numbers(values, count: int) -> bool:
    return isinstance(values, list) and len(values) == count and all(
        type(p) in (int, float) and math.isfinite(p) for p in values)


def _agree(reference: list, values: list) -> bool:
    return all(abs(a - b) <= ML_CHECK_ATOL + ML_CHECK_RTOL * abs(a) for a, b in zip(reference, values))


def ml_check_outcomes(checks: list[str], run_case: dict, value: dict) -> dict[str, bool]:
    """Each method check passed or not, from what the run returned (its predictions already validated)."""
    predictions = value["predictions"]
    outcomes = {}
    if "batch_independence" in checks:
        batches = value.get("batches")
        outcomes["batch_independence"] = (
            isinstance(batches, list) and len(batches) == len(run_case["batches"]) and all(
                _finite_numbers(got, len(rows)) and _agree([predictions[r] for r in rows], got)
                for rows, got in zip(run_case["batches"], batches)))
    if "reproducible" in checks:
        again = value.get("again")
        outcomes["reproducible"] = _finite_numbers(again, len(predictions)) and _agree(predictions, again)
    return outcomes


def metric_passes(spec: dict, value: float) -> bool:
    return value >= spec["pass_at"] if spec["direction"] == "higher" else value <= spec["pass_at"]


def ml_score(spec: dict, points: float, metric_value: float, outcomes: dict[str, bool]) -> tuple[bool, float]:
    """Whether the run is accepted, and its score.

    The metric maps linearly onto the points the checks leave; a check's points count once the metric passes
    (a constant model passes every check). Accepted: the metric passes and so does every check.
    """
    metric_passed = metric_passes(spec, metric_value)
    check_points = spec.get("checks", {})
    metric_points = points - sum(check_points.values())
    score = metric_points * metric_fraction(spec, metric_value)
    if metric_passed:
        score += sum(check_points[name] for name, passed in outcomes.items() if passed)
    return metric_passed and all(outcomes.values()), round(score, 4)


def run_ml_task(spec: dict, code: str, *, which: str, seed: int, points: float) -> Judgement:
    """Train the candidate's model inside the sandbox on the training split, score its test predictions here,
    and judge the task's method checks from what the run returned."""
    data = function_from(spec["data"], "data.py", "make_data")(seed if which == HIDDEN else 0)
    split = "hidden split" if which == HIDDEN else "example split"
    case = Case(id="split", category=split, args=[], visible=which == EXAMPLES)
    y_test = np.asarray(data["y_test"])
    checks = list(spec.get("checks", {}))
    run_case = {"id": case.id, "X_train": ml_features(data["X_train"]), "y_train": np.asarray(data["y_train"]).tolist(),
                "X_test": ml_features(data["X_test"]), "predict": spec["predict"], "checks": checks}
    if "batch_independence" in checks:
        run_case["batches"] = ml_check_batches(len(y_test), seed if which == HIDDEN else 0)
    outcome = run_sandboxed(
        submission=code,
        run={"entry_point": spec["entry_point"], "mode": "ml", "cases": [run_case], "packages": spec["packages"]},
        packages=spec["packages"],
        limits=limits_for(spec),
    )
    # The code-task rules decide everything but the score: limits, imports, tampering, errors.
    accept_any = {"compare": {"kind": "checker"}, "checker": _ML_ACCEPT_ANY, "packages": spec["packages"]}
    judgement = judge_code(accept_any, [case], {case.id: None}, outcome, points=points, code=code)
    if judgement.verdict != Verdict.ACCEPTED:
        return judgement
    record = validate_records(outcome.records, malformed=outcome.malformed, case_ids={case.id}).cases[case.id]
    value = record["value"]
    if not isinstance(value, dict) or not _finite_numbers(value.get("predictions"), len(y_test)):
        return Judgement(Verdict.WRONG_ANSWER, 0.0, points, 0, 1 + len(checks), feedback.ml_bad_predictions(len(y_test)),
                         judgement.details)
    metric_value = ml_metric(spec["metric"], y_test, np.asarray(value["predictions"], dtype=float))
    outcomes = ml_check_outcomes(checks, run_case, value)
    accepted, score = ml_score(spec, points, metric_value, outcomes)
    metric_passed = metric_passes(spec, metric_value)
    return Judgement(
        verdict=Verdict.ACCEPTED if accepted else Verdict.WRONG_ANSWER,
        score=score,
        max_score=points,
        passed=int(metric_passed) + sum(outcomes.values()),
        total=1 + len(checks),
        feedback=feedback.ml_scored(metric_name=spec["metric"].upper().replace("_", "-"), value=metric_value, split=split,
                                    spec=spec, passed=metric_passed, checks=outcomes),
        details={**judgement.details, "metric": metric_value, "checks": outcomes},
    )


def run_task(version_type: str, spec: dict, code: str, *, which: str, seed: int, points: float, prepared=None) -> Judgement:
    """Grade code for a code or ML task version (its example or its hidden cases)."""
    if version_type == "ml":
        return run_ml_task(spec, code, which=which, seed=seed, points=points)
    return run_code_task(spec, code, which=which, seed=seed, points=points, prepared=prepared)
