"""The grading rules of the question types answered in the browser, edge cases included."""

import math

import pytest

from questions import grading

OPTIONS = {
    "options": [
        {"key": "a", "text": "A", "correct": True},
        {"key": "b", "text": "B", "correct": True},
        {"key": "c", "text": "C", "correct": False},
        {"key": "d", "text": "D", "correct": False},
    ]
}
SINGLE = {"options": [{"key": "a", "text": "A", "correct": False}, {"key": "b", "text": "B", "correct": True}]}


def test_single_choice_full_marks_only_for_the_correct_option():
    assert grading.grade_single_choice(SINGLE, "b").fraction == 1.0
    wrong = grading.grade_single_choice(SINGLE, "a")
    assert wrong.fraction == 0.0
    assert "B" in wrong.feedback  # tells the candidate the right option


@pytest.mark.parametrize(
    "selected, expected",
    [
        (["a", "b"], 1.0),  # all right, nothing wrong
        (["a"], 0.5),  # half the correct options
        (["a", "c"], 0.0),  # one right, one wrong cancel out
        (["a", "b", "c"], 0.5),  # a wrong tick costs one share
        (["c", "d"], 0.0),  # floored at zero, never negative
        (["a", "b", "c", "d"], 0.0),  # ticking everything earns nothing
    ],
)
def test_multiple_choice_partial_credit(selected, expected):
    assert grading.grade_multiple_choice(OPTIONS, selected).fraction == pytest.approx(expected)


def test_multiple_choice_rule_is_stated_in_words():
    assert "below zero" in grading.multiple_choice_rule()


ABS = {"tolerance": {"kind": "absolute", "amount": 0.01}, "unit": ""}
REL = {"tolerance": {"kind": "relative", "amount": 0.01}, "unit": ""}


@pytest.mark.parametrize(
    "spec, given, expected, ok",
    [
        (ABS, 0.75, 0.75, True),
        (ABS, 0.76, 0.75, True),  # on the edge of the tolerance
        (ABS, 0.7601, 0.75, False),
        (REL, 101.0, 100.0, True),
        (REL, 102.0, 100.0, False),
        (REL, -99.0, -100.0, True),  # relative to the size of a negative answer
        (ABS, math.nan, 0.75, False),
        (ABS, math.inf, 0.75, False),
    ],
)
def test_numeric_tolerance(spec, given, expected, ok):
    assert (grading.grade_numeric(spec, given, expected).fraction == 1.0) is ok


VARIANT = '''
def parameters(rng):
    return {"tp": rng.randint(1, 50), "fp": rng.randint(1, 50)}

def answer(tp, fp):
    return tp / (tp + fp)
'''


def test_numeric_variants_are_per_candidate_and_stable():
    spec = {"variant_source": VARIANT}
    first = grading.numeric_variant(spec, candidate_id=1, question_slug="q")
    assert grading.numeric_variant(spec, candidate_id=1, question_slug="q") == first
    others = {str(grading.numeric_variant(spec, candidate_id=i, question_slug="q")[0]) for i in range(2, 30)}
    assert len(others) > 10  # candidates really get different numbers
    params, answer = first
    assert answer == pytest.approx(params["tp"] / (params["tp"] + params["fp"]))


def test_variant_placeholders_are_filled():
    assert grading.render_variant("TP={{tp}}, FP={{ fp }}", {"tp": 3, "fp": 4}) == "TP=3, FP=4"


def test_broken_variant_raises_a_clear_error():
    with pytest.raises(grading.VariantError, match="parameters"):
        grading.variant_for_seed("x = 1\n", 0)
    with pytest.raises(grading.VariantError, match="ZeroDivisionError"):
        grading.variant_for_seed("def parameters(rng):\n    return {}\ndef answer():\n    return 1/0\n", 0)


def test_option_order_is_shuffled_per_candidate_but_stable():
    spec = {"options": [{"key": k, "text": k, "correct": k == "a"} for k in "abcdef"]}
    orders = {tuple(o["key"] for o in grading.options_for(spec, candidate_id=i, question_slug="q")) for i in range(20)}
    assert len(orders) > 1
    once = grading.options_for(spec, candidate_id=7, question_slug="q")
    assert grading.options_for(spec, candidate_id=7, question_slug="q") == once
