"""Every text a candidate sees about a run, built here and only here.

The rule (DESIGN.md, grading protocol 7): a run that had hidden cases held the hidden inputs inside the
sandbox, so NOTHING its code controls may travel back to the candidate — not exception messages or class
names, tracebacks, printed output, warnings, or the type or repr of what it returned. From such a run the
candidate gets only a fixed vocabulary (the sentences below), counts and the names of our own case categories.
Not even the name of a built-in exception type: the code chooses which of some seventy to raise, and so could
spell out a hidden input six bits at a time.
A run of the visible examples had no hidden input in it, so everything may be shown there, in full.

Compile errors are found on the trusted side (`compile_error`, which only parses), never taken from what a
run reports, so their text is safe to show.
"""

from __future__ import annotations

from grader import frames
from grader.comparison import ERROR, MEMORY, MISSING, NOT_PLAIN, WRONG, CaseResult
from grader.models import Verdict

RUN_EXAMPLES_HINT = "Run examples to see the full error on the visible cases."


def packages_text(spec: dict) -> str:
    packages = spec.get("packages", [])
    return f"{', '.join(packages)} and the Python standard library" if packages else "the Python standard library only"


def whole_run(verdict: str, message: str) -> dict:
    """Feedback for a run that failed as a whole (no case is shown)."""
    return {"message": message, "examples": [], "categories": []}


def compile_error(code: str) -> str | None:
    """The syntax error of the candidate's code, found without running it (None when there is none).

    compile() only parses: no candidate code runs, so this text can be shown even for a hidden run. What else
    compile() may raise here (RecursionError: this process's recursion limit is lower than the harness's) says
    nothing sure about the code, and is left to the run's own report.
    """
    try:
        compile(code, "submission.py", "exec", dont_inherit=True)
    except SyntaxError as exc:
        where = f"line {exc.lineno}" if exc.lineno else "your code"
        line = f"\n    {exc.text.rstrip()}" if exc.text and exc.text.strip() else ""
        return f"Your code does not compile: {type(exc).__name__} at {where}: {exc.msg}{line}"
    except (ValueError, RecursionError, MemoryError, OverflowError):
        pass
    return None


# ------------------------------------------------------------------ the run as a whole

def output_limit() -> dict:
    return whole_run(Verdict.OUTPUT_LIMIT, "Your code printed or returned too much output.")


def memory_limit() -> dict:
    return whole_run(
        Verdict.MEMORY_LIMIT,
        "Memory limit exceeded: your code's processes and files together used more memory than the task allows.",
    )


def tampered(total: int) -> dict:
    return whole_run(
        Verdict.WRONG_ANSWER,
        f"The run wrote to the grader's result channel itself, so none of the {total} cases counts.",
    )


def load_failed(error: dict, *, visible: bool, spec: dict) -> tuple[str, dict]:
    """The submission failed while loading (importing it ran its top-level code)."""
    if error["type"] in ("ModuleNotFoundError", "ImportError"):
        if visible:
            message = f"{error['message']}. This task allows {packages_text(spec)}."
        else:
            message = (
                f"Your code imports a module that this task does not provide. This task allows {packages_text(spec)}. "
                f"{RUN_EXAMPLES_HINT}"
            )
        return Verdict.REJECTED, whole_run(Verdict.REJECTED, message)
    if visible:
        message = error["traceback"]
    else:
        message = f"Your code raised an exception while loading, before any case ran. {RUN_EXAMPLES_HINT}"
    return Verdict.RUNTIME_ERROR, whole_run(Verdict.RUNTIME_ERROR, message)


def load_timed_out() -> dict:
    return whole_run(Verdict.TIME_LIMIT, "Your code took too long to load.")


def never_started() -> dict:
    return whole_run(Verdict.RUNTIME_ERROR, "Your code stopped the run before it could be tested.")


# ------------------------------------------------------------------ case by case

FAILURE_VERDICT = {WRONG: Verdict.WRONG_ANSWER, NOT_PLAIN: Verdict.WRONG_ANSWER, ERROR: Verdict.RUNTIME_ERROR,
                   MEMORY: Verdict.MEMORY_LIMIT, MISSING: Verdict.RUNTIME_ERROR}


def case_verdict(results: list[CaseResult], *, timed_out: bool) -> str:
    """The verdict of a run whose cases were judged: that of its first failing case."""
    first = next((r for r in results if not r.passed), None)
    if first is None:
        return Verdict.ACCEPTED
    if first.failure == MISSING and timed_out:
        return Verdict.TIME_LIMIT
    return FAILURE_VERDICT[first.failure]


def for_cases(verdict: str, results: list[CaseResult]) -> dict:
    """Feedback for a run judged case by case: visible cases in full; hidden ones as counts per category."""
    passed, total = sum(r.passed for r in results), len(results)
    first = next((r for r in results if not r.passed), None)
    return {
        "message": _summary(verdict, first, passed, total, [r.case.id for r in results if r.case.visible]),
        "examples": [_example(r) for r in results if r.case.visible],
        "categories": _categories(results),
    }


def _summary(verdict: str, first: CaseResult | None, passed: int, total: int, example_ids: list[str]) -> str:
    if first is None:
        return f"All {total} cases passed."
    counts = f"{passed} of {total} cases passed."
    if verdict == Verdict.TIME_LIMIT:
        return f"Time limit exceeded: {passed} of {total} cases finished in time."
    # Examples by their number on the page ("Example 2 · large values"), not the case's id.
    where = (f"example {example_ids.index(first.case.id) + 1} ({first.case.category})" if first.case.visible
             else f"a case in {first.case.category!r}")
    if first.failure == MISSING:
        return f"Your code ended the run early, on {where}. {counts}"
    if first.failure == MEMORY:
        return f"Memory limit exceeded on {where}. {counts}"
    if first.failure == ERROR:
        if first.case.visible:
            return f"Your code raised {first.error_type} on {where}. {counts}"
        return f"Your code raised an exception on {where}. {counts} {RUN_EXAMPLES_HINT}"
    if first.failure == NOT_PLAIN:
        what = f"\n{first.detail}" if first.case.visible else (
            " It returned a value that is not plain data (use numbers, strings, lists, dicts or NumPy arrays)."
        )
        return f"Wrong answer on {where}. {counts}{what}"
    detail = f"\n{first.detail}" if first.case.visible and first.detail else ""
    return f"Wrong answer on {where}. {counts}{detail}"


def _example(r: CaseResult) -> dict:
    """A visible case, in full (DataFrames and Series as text tables, with the input frames too)."""
    example = {
        "category": r.case.category,
        "call": _call_text(r.case),
        "expected": frames.shown_value(r.expected),
        "got": "no result" if r.failure == MISSING else frames.shown_value(r.got),
        "passed": r.passed,
        "error": r.detail if not r.passed else "",
        "stdout": r.stdout,
    }
    if any(frames.holds_pandas(v) for v in [r.expected, r.got, *r.case.args, *r.case.kwargs.values()]):
        example["tables"] = True
        example["inputs"] = "\n\n".join(
            f"{name}:\n{frames.shown_value(value)}"
            for name, value in [*((f"argument {i + 1}", a) for i, a in enumerate(r.case.args)), *r.case.kwargs.items()]
            if frames.holds_pandas(value)
        )
    return example


def _categories(results: list[CaseResult]) -> list[dict]:
    categories: dict[str, dict] = {}
    for r in results:
        if not r.case.visible:
            c = categories.setdefault(r.case.category, {"name": r.case.category, "passed": 0, "total": 0})
            c["total"] += 1
            c["passed"] += r.passed
    return list(categories.values())


def _call_text(case) -> str:
    parts = [frames.short_text(a) for a in case.args] + [f"{k}={frames.short_text(v)}" for k, v in case.kwargs.items()]
    text = ", ".join(parts)
    return text if len(text) < 300 else text[:297] + "..."


# ------------------------------------------------------------------ ML tasks

def ml_bad_predictions(expected_count: int) -> dict:
    return whole_run(Verdict.WRONG_ANSWER, f"Expected {expected_count} finite numbers as predictions.")


# The method checks of ML tasks (judging.ML_CHECKS), in the candidate's words: the name, and why it failed.
ML_CHECK_TEXT = {
    "batch_independence": (
        "predictions do not depend on the other test rows",
        "a test row's prediction changed when it was predicted with other rows (in shuffled halves, or alone), "
        "or predicting a smaller batch failed: the model uses the rows it predicts (scaling, imputing or encoding "
        "them with their own statistics). Learn every statistic in fit(), from the training rows.",
    ),
    "reproducible": (
        "training again gives the same predictions",
        "a second model, built and trained the same way, predicted differently: set the random seed "
        "(random_state) of every random part of the model.",
    ),
}


def ml_scored(*, metric_name: str, value: float, split: str, spec: dict, passed: bool,
              checks: dict[str, bool] | None = None) -> dict:
    """An ML task's score on its split, and its method checks (a fixed text each: no data of the split).

    The metric is computed on the trusted side from the predictions.
    """
    lines = [
        f"{metric_name} on the {split}: {value:.4f} (baseline {spec['baseline']}, pass at {spec['pass_at']}, "
        f"full marks at {spec['target']})."
    ]
    categories = [{"name": split, "passed": int(passed), "total": 1}]
    points = spec.get("checks", {})
    for name, ok in (checks or {}).items():
        title, why = ML_CHECK_TEXT[name]
        lines.append(f"Method check, {title} ({points[name]} points): {'passed' if ok else 'failed: ' + why}")
        categories.append({"name": f"method: {title}", "passed": int(ok), "total": 1})
    if checks and not passed:
        lines.append("The method checks' points count once the metric reaches the pass mark.")
    return {
        "message": "\n".join(lines),
        "examples": [],
        "categories": categories,
        "metric": {"name": metric_name, "value": round(value, 6)},
        "checks": [{"name": name, "passed": ok, "points": points[name]} for name, ok in (checks or {}).items()],
    }
