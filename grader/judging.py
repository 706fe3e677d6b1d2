"""The trusted side of a run: send the inputs into the sandbox, then decide the verdict and the score.

Everything here runs outside the sandbox. The steps, each in a module of its own:
cases and expected values (grader/cases.py) -> the run (grader/sandbox/) -> the result channel's records,
validated (grader/records.py) -> each case decided (grader/comparison.py) -> the verdict (here) -> what the
candidate may read (grader/feedback.py, the one place that writes candidate-visible text).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from grader import feedback
from grader.cases import EXAMPLES, HIDDEN, Case, prepared_cases
from grader.comparison import CaseResult, compare_case
from grader.models import Verdict
from grader.records import validate_records
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


def judge_code(spec: dict, cases: list[Case], expected: dict, outcome: RunOutcome, *, points: float) -> Judgement:
    """Turn what the sandbox returned into a verdict and a score, failing closed on anything unexpected."""
    total = len(cases)
    visible = all(c.visible for c in cases)
    channel = validate_records(outcome.records, malformed=outcome.malformed, case_ids={c.id for c in cases})

    def whole(verdict: str, candidate_feedback: dict) -> Judgement:
        return Judgement(verdict, 0.0, points, 0, total, candidate_feedback, _details([], outcome, channel.tampered))

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
    """The full trusted-side record of a run, for staff only (never shown to a candidate)."""
    return {
        "cases": [
            {"id": r.case.id, "category": r.case.category, "passed": r.passed, "failure": r.failure,
             "error_type": r.error_type[:200], "detail": r.detail[:2000]}
            for r in results
        ],
        "seconds": round(outcome.seconds, 3),
        "exit_code": outcome.exit_code,
        "output": outcome.output[-4000:],
        "timed_out": outcome.timed_out,
        "tampered": tampered,
    }


def _not_compiled(message: str, total: int, points: float) -> Judgement:
    return Judgement(Verdict.RUNTIME_ERROR, 0.0, points, 0, total, feedback.whole_run(Verdict.RUNTIME_ERROR, message),
                     {"cases": [], "compile_error": message})


def run_code_task(spec: dict, code: str, *, which: str, seed: int, points: float, prepared=None) -> Judgement:
    """Grade `code` on the task's example or hidden cases through the sandbox.

    `prepared` is (cases, expected) when the caller already has them (stored per question version);
    otherwise they are computed here (once per process).
    """
    cases, expected = prepared or prepared_cases(spec, which=which, seed=seed)
    if (problem := feedback.compile_error(code)) is not None:
        return _not_compiled(problem, len(cases), points)
    outcome = run_sandboxed(
        submission=code,
        run={"entry_point": spec["entry_point"], "mode": "function", "cases": [c.to_run() for c in cases],
             "packages": spec["packages"]},
        packages=spec["packages"],
        limits=limits_for(spec),
    )
    return judge_code(spec, cases, expected, outcome, points=points)


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


def run_ml_task(spec: dict, code: str, *, which: str, seed: int, points: float) -> Judgement:
    """Train the candidate's model inside the sandbox on the training split, score its test predictions here."""
    data = function_from(spec["data"], "data.py", "make_data")(seed if which == HIDDEN else 0)
    split = "hidden split" if which == HIDDEN else "example split"
    case = Case(id="split", category=split, args=[], visible=which == EXAMPLES)
    if (problem := feedback.compile_error(code)) is not None:
        return _not_compiled(problem, 1, points)
    run_case = {"id": case.id, "X_train": np.asarray(data["X_train"]).tolist(), "y_train": np.asarray(data["y_train"]).tolist(),
                "X_test": np.asarray(data["X_test"]).tolist(), "predict": spec["predict"]}
    outcome = run_sandboxed(
        submission=code,
        run={"entry_point": spec["entry_point"], "mode": "ml", "cases": [run_case], "packages": spec["packages"]},
        packages=spec["packages"],
        limits=limits_for(spec),
    )
    # The code-task rules decide everything but the score: limits, imports, tampering, errors.
    accept_any = {"compare": {"kind": "checker"}, "checker": _ML_ACCEPT_ANY, "packages": spec["packages"]}
    judgement = judge_code(accept_any, [case], {case.id: None}, outcome, points=points)
    if judgement.verdict != Verdict.ACCEPTED:
        return judgement
    record = validate_records(outcome.records, malformed=outcome.malformed, case_ids={case.id}).cases[case.id]
    predictions = record["value"]
    y_test = np.asarray(data["y_test"])
    if not isinstance(predictions, list) or len(predictions) != len(y_test) or not all(
        type(p) in (int, float) and math.isfinite(p) for p in predictions
    ):
        return Judgement(Verdict.WRONG_ANSWER, 0.0, points, 0, 1, feedback.ml_bad_predictions(len(y_test)),
                         judgement.details)
    value = ml_metric(spec["metric"], y_test, np.asarray(predictions, dtype=float))
    passed = value >= spec["pass_at"] if spec["direction"] == "higher" else value <= spec["pass_at"]
    return Judgement(
        verdict=Verdict.ACCEPTED if passed else Verdict.WRONG_ANSWER,
        score=round(points * metric_fraction(spec, value), 4),
        max_score=points,
        passed=int(passed),
        total=1,
        feedback=feedback.ml_scored(metric_name=spec["metric"].upper().replace("_", "-"), value=value, split=split,
                                    spec=spec, passed=passed),
        details={**judgement.details, "metric": value},
    )


def run_task(version_type: str, spec: dict, code: str, *, which: str, seed: int, points: float, prepared=None) -> Judgement:
    """Grade code for a code or ML task version (its example or its hidden cases)."""
    if version_type == "ml":
        return run_ml_task(spec, code, which=which, seed=seed, points=points)
    return run_code_task(spec, code, which=which, seed=seed, points=points, prepared=prepared)
