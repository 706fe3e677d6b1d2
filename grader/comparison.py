"""Deciding each case on the trusted side: the candidate's plain-data output against the expected value.

Outputs arrive as plain data (JSON from the result channel) and are compared by type here, never by an
object's own methods. A case's result keeps what happened in full (`detail`: a traceback, a checker's
explanation) for staff and for visible example cases; what a candidate sees of a hidden case is decided by
grader/feedback.py alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from grader import frames
from grader.cases import Case
from grader.sandbox.harness import MAX_CASE_STDOUT
from questions.trusted_code import function_from

# How a case failed.
WRONG, ERROR, MEMORY, MISSING, NOT_PLAIN = "wrong", "error", "memory", "missing", "not_plain"


@dataclass
class CaseResult:
    case: Case
    passed: bool
    failure: str = ""  # "" when passed, else WRONG, ERROR, MEMORY, MISSING or NOT_PLAIN
    error_type: str = ""  # the exception type name the run reported (candidate-controlled text)
    detail: str = ""  # the full story, candidate-controlled text included: staff and visible cases only
    got: object = None
    expected: object = None
    stdout: str = ""


def values_match(expected, got, *, abs_tol: float, rel_tol: float, ints_match_floats: bool = False) -> bool:
    """Plain-data equality with a float tolerance. NaN matches only NaN; strings and bools compare exactly.

    A bool matches only a bool, and an int only an int and a float only a float (a count of 3.0 is not 3),
    unless `ints_match_floats`, where any two numbers compare by value.
    """
    if isinstance(expected, bool) or isinstance(got, bool):
        return type(expected) is type(got) and expected == got
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        if type(expected) is not type(got) and not ints_match_floats:
            return False
        if math.isnan(expected) or math.isnan(got):
            return math.isnan(expected) and math.isnan(got)
        if math.isinf(expected) or math.isinf(got):
            return expected == got
        return abs(expected - got) <= max(abs_tol, rel_tol * abs(expected))
    if isinstance(expected, str) or isinstance(got, str):
        return type(expected) is type(got) and expected == got
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(
            values_match(e, g, abs_tol=abs_tol, rel_tol=rel_tol, ints_match_floats=ints_match_floats)
            for e, g in zip(expected, got)
        )
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(
            values_match(expected[k], got[k], abs_tol=abs_tol, rel_tol=rel_tol, ints_match_floats=ints_match_floats)
            for k in expected
        )
    return expected is None and got is None


def expected_raise(expected) -> str | None:
    """The exception type a case must raise ({"raises": "ValueError"}), or None."""
    if isinstance(expected, dict) and set(expected) == {"raises"}:
        return expected["raises"]
    return None


def compare_case(spec: dict, case: Case, expected, record: dict | None) -> CaseResult:
    """Decide one case from the harness's (already validated) record for it; None when it never arrived."""
    raises = expected_raise(expected)
    shown_expected = f"raises {raises}" if raises else expected
    if record is None:
        return CaseResult(case, False, MISSING, detail="no result: the run stopped before this case finished",
                          expected=shown_expected)
    stdout = record.get("stdout", "")
    if len(stdout) >= MAX_CASE_STDOUT:  # the harness keeps only this much of what a case printed
        stdout += f"\n… (printed output is cut at {MAX_CASE_STDOUT:,} characters per case)"
    if not record["ok"]:
        error = record["error"]
        if raises and raises in error["mro"]:
            return CaseResult(case, True, stdout=stdout, got=f"raised {error['type']}", expected=shown_expected)
        if error["type"] == "NotPlain":
            return CaseResult(case, False, NOT_PLAIN, detail=f"Your function {error['message']}.", stdout=stdout,
                              expected=shown_expected)
        failure = MEMORY if error["type"] == "MemoryError" else ERROR
        return CaseResult(case, False, failure, error_type=error["type"], detail=error["traceback"], stdout=stdout,
                          expected=shown_expected, got=f"nothing: it raised {error['type']}")
    got = record["value"]
    if raises:
        return CaseResult(case, False, WRONG, detail=f"should raise {raises}", got=got, expected=shown_expected,
                          stdout=stdout)
    compare = spec.get("compare", {"kind": "exact"})
    if compare["kind"] == "checker":
        problem = function_from(spec["checker"], "checker.py", "check")(case.to_run(), expected, got)
        passed, detail = problem is None, problem or ""
    elif compare["kind"] == "frame":
        problem = frames.compare_values(expected, got, frames.frame_rules(compare))
        passed, detail = problem is None, problem or ""
    else:
        tol = (compare.get("abs", 0.0), compare.get("rel", 0.0)) if compare["kind"] == "close" else (0.0, 0.0)
        # Exact means the same type too (3.0 is not a count of 3); close compares numbers by value. A task
        # may say otherwise with compare.ints_match_floats.
        lenient = compare.get("ints_match_floats", compare["kind"] == "close")
        passed = values_match(expected, got, abs_tol=tol[0], rel_tol=tol[1], ints_match_floats=lenient)
        detail = ""
    return CaseResult(case, passed, "" if passed else WRONG, detail=detail, got=got, expected=expected, stdout=stdout)
