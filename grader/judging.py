"""The trusted side of grading: cases, expected values, comparison and the verdict.

Everything here runs outside the sandbox. Expected values come from the task's reference (which may use
scikit-learn) and never enter the sandbox; the candidate's outputs arrive as plain data (see
`sandbox/harness.py`) and are compared here, by type, never by an object's own methods.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import math
import random
import warnings
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings

from grader.models import Verdict
from grader.sandbox.harness import NotPlain, to_plain
from grader.sandbox.launcher import Limits, RunOutcome, run_sandboxed
from questions.trusted_code import function_from

HIDDEN = "hidden"
EXAMPLES = "examples"


@dataclass
class Case:
    id: str
    category: str
    args: list
    kwargs: dict = field(default_factory=dict)
    array_args: list = field(default_factory=list)
    calls: int = 1
    visible: bool = False

    def to_run(self) -> dict:
        """What goes into the sandbox for this case: inputs only."""
        return {"id": self.id, "args": self.args, "kwargs": self.kwargs, "array_args": self.array_args, "calls": self.calls}


@dataclass
class CaseResult:
    case: Case
    passed: bool
    failure: str = ""  # "", "wrong", "error", "memory", "missing", "not_plain"
    message: str = ""
    got: object = None
    expected: object = None
    stdout: str = ""


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


def hidden_seed(content_hash: str) -> int:
    """The seed of a version's random hidden cases: stable for regrades, unguessable from the public bank."""
    digest = hmac.new(settings.SECRET_KEY.encode(), content_hash.encode(), hashlib.sha256).hexdigest()
    return int(digest[:16], 16)


def task_cases(spec: dict, *, which: str, seed: int) -> list[Case]:
    """The visible example cases, or the hidden ones (fixed edge cases plus seeded random cases)."""
    if which == EXAMPLES:
        raw = function_from(spec["cases"], "cases.py", "examples")()
    else:
        raw = function_from(spec["cases"], "cases.py", "hidden")(random.Random(seed))
    cases = []
    for i, item in enumerate(raw):
        cases.append(
            Case(
                id=f"{which[0]}{i}",
                category=item.get("category", "cases"),
                args=list(item.get("args", [])),
                kwargs=dict(item.get("kwargs", {})),
                array_args=list(item.get("array_args", [])),
                calls=int(item.get("calls", 1)),
                visible=which == EXAMPLES,
            )
        )
    return cases


def expected_outputs(spec: dict, cases: list[Case]) -> dict[str, object]:
    """The reference's answer for each case, as plain data, or {"raises": ExceptionName}."""
    reference = function_from(spec["reference"], "reference.py", spec["entry_point"])
    expected = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn's warnings about edge cases are expected here
        for case in cases:
            expected[case.id] = _reference_output(reference, case)
    return expected


def _reference_output(reference, case: Case):
    outputs = []
    try:
        for _ in range(case.calls):
            args = [np.asarray(a) if i in case.array_args else a for i, a in enumerate(copy.deepcopy(case.args))]
            outputs.append(to_plain(reference(*args, **copy.deepcopy(case.kwargs))))
    except NotPlain:
        raise
    except Exception as exc:  # noqa: BLE001 - the reference raising is the expected behaviour
        # The built-in type it is (sklearn's InvalidParameterError is a ValueError): what a task promises.
        builtin = next(c for c in type(exc).__mro__ if c.__module__ == "builtins")
        return {"raises": builtin.__name__}
    return outputs[0] if case.calls == 1 else outputs


def values_match(expected, got, *, abs_tol: float, rel_tol: float) -> bool:
    """Plain-data equality with a float tolerance. Bools, ints and strings compare exactly; NaN matches only NaN."""
    if isinstance(expected, bool) or isinstance(got, bool):
        return type(expected) is type(got) and expected == got
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        if math.isnan(expected) or math.isnan(got):
            return math.isnan(expected) and math.isnan(got)
        if math.isinf(expected) or math.isinf(got):
            return expected == got
        return abs(expected - got) <= max(abs_tol, rel_tol * abs(expected))
    if isinstance(expected, str) or isinstance(got, str):
        return type(expected) is type(got) and expected == got
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(
            values_match(e, g, abs_tol=abs_tol, rel_tol=rel_tol) for e, g in zip(expected, got)
        )
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(
            values_match(expected[k], got[k], abs_tol=abs_tol, rel_tol=rel_tol) for k in expected
        )
    return expected is None and got is None


def compare_case(spec: dict, case: Case, expected, record: dict | None) -> CaseResult:
    """Decide one case from the harness's record for it (None when it never arrived).

    For hidden cases, the message never describes the input, the expected value or the output.
    """
    result = _compare_case(spec, case, expected, record)
    if not case.visible and result.failure == "wrong" and not result.message.startswith("Your function"):
        result.message = ""
    return result


def _compare_case(spec: dict, case: Case, expected, record: dict | None) -> CaseResult:
    if record is None:
        return CaseResult(case, False, "missing", "no result: the run stopped before this case finished")
    stdout = str(record.get("stdout", ""))[:4000]
    raises = expected.get("raises") if isinstance(expected, dict) and set(expected) == {"raises"} else None
    if not record.get("ok"):
        error = record.get("error") if isinstance(record.get("error"), dict) else {}
        mro = error.get("mro") if isinstance(error.get("mro"), list) else []
        if raises and raises in mro:
            return CaseResult(case, True, stdout=stdout, got=f"raised {error.get('type')}", expected=f"raises {raises}")
        if error.get("type") == "NotPlain":  # the value itself was refused: a wrong answer, safe to explain
            return CaseResult(case, False, "wrong", f"Your function {error.get('message', 'returned something else')}.", stdout=stdout)
        kind = "memory" if error.get("type") == "MemoryError" else "error"
        message = str(error.get("traceback") if case.visible else error.get("type", "an exception"))
        return CaseResult(case, False, kind, message, stdout=stdout, expected=_shown(expected, raises))
    got = record.get("value")
    if raises:
        return CaseResult(case, False, "wrong", f"should raise {raises}", got=got, expected=f"raises {raises}", stdout=stdout)
    compare = spec.get("compare", {"kind": "exact"})
    if compare["kind"] == "checker":
        problem = function_from(spec["checker"], "checker.py", "check")(case.to_run(), expected, got)
        passed, message = problem is None, problem or ""
    else:
        tol = (compare.get("abs", 0.0), compare.get("rel", 0.0)) if compare["kind"] == "close" else (0.0, 0.0)
        passed = values_match(expected, got, abs_tol=tol[0], rel_tol=tol[1])
        message = "" if passed else "wrong answer"
    return CaseResult(case, passed, "" if passed else "wrong", message, got=got, expected=expected, stdout=stdout)


def _shown(expected, raises):
    return f"raises {raises}" if raises else expected


FAILURE_VERDICT = {
    "wrong": Verdict.WRONG_ANSWER,
    "error": Verdict.RUNTIME_ERROR,
    "memory": Verdict.MEMORY_LIMIT,
    "missing": Verdict.RUNTIME_ERROR,
}


def judge_code(spec: dict, cases: list[Case], expected: dict, outcome: RunOutcome, *, points: float) -> Judgement:
    """Turn what the sandbox returned into a verdict and a score, failing closed on anything unexpected."""
    total = len(cases)
    records = [r for r in outcome.records if r.get("event") == "case"]
    imports = [r for r in outcome.records if r.get("event") == "import"]
    by_id: dict[str, dict] = {}
    tampered = outcome.malformed or len(imports) > 1
    for record in records:
        if record.get("id") in by_id or record.get("id") not in {c.id for c in cases}:
            tampered = True  # duplicate or extra record
        by_id.setdefault(record.get("id"), record)

    if outcome.output_exceeded:
        return _whole_run(Verdict.OUTPUT_LIMIT, "Your code printed or returned too much output.", total, points, outcome)
    if outcome.memory_exceeded:  # the run's processes together, not one of them: the cgroup's verdict
        return _whole_run(Verdict.MEMORY_LIMIT, "Memory limit exceeded: your code's processes together used more "
                          "memory than the task allows.", total, points, outcome)
    if imports and not imports[0].get("ok"):
        error = imports[0].get("error") if isinstance(imports[0].get("error"), dict) else {}
        if error.get("type") in ("ModuleNotFoundError", "ImportError"):
            allowed = ", ".join(spec.get("packages", [])) or "only the standard library"
            return _whole_run(
                Verdict.REJECTED,
                f"{error.get('message', 'an import failed')}. This task allows: {allowed} (plus the standard library).",
                total, points, outcome,
            )
        return _whole_run(Verdict.RUNTIME_ERROR, str(error.get("traceback", "Your code failed to load.")), total, points, outcome)
    if not imports:
        if outcome.timed_out:
            return _whole_run(Verdict.TIME_LIMIT, "Your code took too long to load.", total, points, outcome)
        return _whole_run(Verdict.RUNTIME_ERROR, "Your code stopped the run before it could be tested.", total, points, outcome)

    results = [compare_case(spec, c, expected[c.id], by_id.get(c.id)) for c in cases]
    if tampered:
        results = [CaseResult(r.case, False, "wrong", "the result channel was tampered with") for r in results]
    passed = sum(r.passed for r in results)
    first_failure = next((r for r in results if not r.passed), None)
    if first_failure is None:
        verdict, message = Verdict.ACCEPTED, f"All {total} cases passed."
    elif tampered:
        verdict, message = Verdict.WRONG_ANSWER, "The results were tampered with, so no case counts."
    elif first_failure.failure == "missing" and outcome.timed_out:
        verdict, message = Verdict.TIME_LIMIT, f"Time limit exceeded: {passed} of {total} cases finished in time."
    else:
        verdict = FAILURE_VERDICT[first_failure.failure]
        message = _failure_message(verdict, first_failure, passed, total)
    return Judgement(
        verdict=verdict,
        score=round(points * passed / total, 4) if total else 0.0,
        max_score=points,
        passed=passed,
        total=total,
        feedback=_feedback(message, results),
        details=_details(results, outcome),
    )


def _failure_message(verdict: str, failure: CaseResult, passed: int, total: int) -> str:
    where = f"a case in {failure.case.category!r}" if not failure.case.visible else f"example {failure.case.id}"
    lead = {
        Verdict.WRONG_ANSWER: f"Wrong answer on {where}.",
        Verdict.RUNTIME_ERROR: f"Your code raised an error on {where}.",
        Verdict.MEMORY_LIMIT: f"Memory limit exceeded on {where}.",
    }[verdict]
    detail = f"\n{failure.message}" if failure.message and failure.message != "wrong answer" else ""
    return f"{lead} {passed} of {total} cases passed.{detail}"


def _feedback(message: str, results: list[CaseResult]) -> dict:
    """What the candidate sees: visible cases in full; hidden cases only as counts per category."""
    categories: dict[str, dict] = {}
    for r in results:
        if not r.case.visible:
            c = categories.setdefault(r.case.category, {"name": r.case.category, "passed": 0, "total": 0})
            c["total"] += 1
            c["passed"] += r.passed
    return {
        "message": message,
        "examples": [
            {
                "category": r.case.category,
                "call": _call_text(r.case),
                "expected": r.expected,
                "got": r.got,
                "passed": r.passed,
                "error": r.message if not r.passed else "",
                "stdout": r.stdout,
            }
            for r in results
            if r.case.visible
        ],
        "categories": list(categories.values()),
    }


def _call_text(case: Case) -> str:
    parts = [repr(a) for a in case.args] + [f"{k}={v!r}" for k, v in case.kwargs.items()]
    text = ", ".join(parts)
    return text if len(text) < 300 else text[:297] + "..."


def _details(results: list[CaseResult], outcome: RunOutcome) -> dict:
    return {
        "cases": [
            {"id": r.case.id, "category": r.case.category, "passed": r.passed, "failure": r.failure, "message": r.message[:2000]}
            for r in results
        ],
        "seconds": round(outcome.seconds, 3),
        "exit_code": outcome.exit_code,
        "output": outcome.output[-4000:],
        "timed_out": outcome.timed_out,
    }


def _whole_run(verdict: str, message: str, total: int, points: float, outcome: RunOutcome) -> Judgement:
    return Judgement(verdict, 0.0, points, 0, total, {"message": message, "examples": [], "categories": []},
                     _details([], outcome))


def limits_for(spec: dict) -> Limits:
    return Limits(**spec.get("limits", {}))


_PREPARED: OrderedDict = OrderedDict()


def prepared_cases(spec: dict, *, which: str, seed: int) -> tuple[list[Case], dict]:
    """Cases and expected values, computed once per worker process for a version's content and seed."""
    key = (hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest(), which, seed)
    if key not in _PREPARED:
        cases = task_cases(spec, which=which, seed=seed)
        _PREPARED[key] = (cases, expected_outputs(spec, cases))
        while len(_PREPARED) > 64:
            _PREPARED.popitem(last=False)
    _PREPARED.move_to_end(key)
    return _PREPARED[key]


def run_code_task(spec: dict, code: str, *, which: str, seed: int, points: float) -> Judgement:
    """Grade `code` on the task's example or hidden cases through the sandbox."""
    cases, expected = prepared_cases(spec, which=which, seed=seed)
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


def run_ml_task(spec: dict, code: str, *, which: str, seed: int, points: float) -> Judgement:
    """Train the candidate's model inside the sandbox on the training split, score its test predictions here."""
    data = function_from(spec["data"], "data.py", "make_data")(seed if which == HIDDEN else 0)
    case = Case(id="split", category="hidden split" if which == HIDDEN else "example split", args=[], visible=False)
    run_case = {"id": case.id, "X_train": np.asarray(data["X_train"]).tolist(), "y_train": np.asarray(data["y_train"]).tolist(),
                "X_test": np.asarray(data["X_test"]).tolist(), "predict": spec["predict"]}
    outcome = run_sandboxed(
        submission=code,
        run={"entry_point": spec["entry_point"], "mode": "ml", "cases": [run_case], "packages": spec["packages"]},
        packages=spec["packages"],
        limits=limits_for(spec),
    )
    # Reuse the code-task rules for everything but the comparison: limits, imports, tampering, errors.
    fake_spec = {"compare": {"kind": "checker"}, "checker": _ML_ACCEPT_ANY, "packages": spec["packages"]}
    judgement = judge_code(fake_spec, [case], {case.id: None}, outcome, points=points)
    record = next((r for r in outcome.records if r.get("event") == "case" and r.get("id") == case.id), None)
    if judgement.verdict != Verdict.ACCEPTED or record is None:
        return judgement
    predictions = record.get("value")
    y_test = np.asarray(data["y_test"])
    if not isinstance(predictions, list) or len(predictions) != len(y_test) or not all(
        isinstance(p, (int, float)) and not isinstance(p, bool) and math.isfinite(p) for p in predictions
    ):
        return _whole_run(Verdict.WRONG_ANSWER, f"Expected {len(y_test)} finite numbers as predictions.", 1, points, outcome)
    value = ml_metric(spec["metric"], y_test, np.asarray(predictions, dtype=float))
    fraction = metric_fraction(spec, value)
    better = value >= spec["pass_at"] if spec["direction"] == "higher" else value <= spec["pass_at"]
    name = spec["metric"].upper().replace("_", "-")
    message = (
        f"{name} on the {case.category}: {value:.4f} (baseline {spec['baseline']}, pass at {spec['pass_at']}, "
        f"full marks at {spec['target']})."
    )
    return Judgement(
        verdict=Verdict.ACCEPTED if better else Verdict.WRONG_ANSWER,
        score=round(points * fraction, 4),
        max_score=points,
        passed=int(better),
        total=1,
        feedback={"message": message, "examples": [], "categories": [{"name": case.category, "passed": int(better), "total": 1}], "metric": {"name": name, "value": round(value, 6)}},
        details={**judgement.details, "metric": value},
    )


_ML_ACCEPT_ANY = "def check(case, expected, got):\n    return None\n"


def run_task(version_type: str, spec: dict, code: str, *, which: str, seed: int, points: float) -> Judgement:
    """Grade code for a code or ML task version (examples or hidden cases)."""
    runner = run_ml_task if version_type == "ml" else run_code_task
    return runner(spec, code, which=which, seed=seed, points=points)
