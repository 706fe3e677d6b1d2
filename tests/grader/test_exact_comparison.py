"""Exact comparison means the same type: a count of 3.0 is not 3 and True is not 1, unless a task says otherwise."""

import textwrap

import pytest
from django.conf import settings

from grader import judging
from grader.cases import Case
from grader.comparison import compare_case
from grader.models import Verdict
from questions.bank_format import load_bank

EXACT = {"compare": {"kind": "exact"}}
CLOSE = {"compare": {"kind": "close", "abs": 1e-9}}


def passes(spec, expected, got) -> bool:
    case = Case(id="h0", category="cases", args=[])
    return compare_case(spec, case, expected, {"ok": True, "value": got}).passed


@pytest.mark.parametrize(
    "expected, got, ok",
    [
        (3, 3, True),
        (3, 3.0, False),  # a count returned as a float
        (0.5, 0.5, True),
        (2.0, 2, False),  # a float returned as an int
        (1, True, False),
        (True, 1, False),
        (True, True, True),
        ([[2, 0], [1, 3]], [[2, 0], [1, 3.0]], False),  # nested: one entry is enough
        ({"n": 2}, {"n": 2.0}, False),
        (float("nan"), float("nan"), True),
    ],
)
def test_exact_comparison_distinguishes_int_float_and_bool(expected, got, ok):
    assert passes(EXACT, expected, got) is ok


def test_close_comparison_compares_numbers_by_value():
    assert passes(CLOSE, 0.5, 0.5 + 1e-12)
    assert passes(CLOSE, 0.0, 0)
    assert not passes(CLOSE, 1, True)  # a bool is never a number


def test_a_task_may_say_that_ints_match_floats():
    assert passes({"compare": {"kind": "exact", "ints_match_floats": True}}, 3, 3.0)
    assert not passes({"compare": {"kind": "close", "abs": 0.0, "ints_match_floats": False}}, 3, 3.0)


def test_a_confusion_matrix_of_float_counts_is_a_wrong_answer_in_the_real_grader():
    task = next(q for q in load_bank(settings.BANK_DIR).questions if q.slug == "confusion-matrix")
    floats = task.spec["solution"].replace("matrix = [[0] * len(labels)", "matrix = [[0.0] * len(labels)")
    assert floats != task.spec["solution"]
    for code, verdict in ((task.spec["solution"], Verdict.ACCEPTED), (floats, Verdict.WRONG_ANSWER)):
        result = judging.run_task("code", task.spec, textwrap.dedent(code), which=judging.HIDDEN, seed=1, points=10)
        assert result.verdict == verdict, result.feedback["message"]
