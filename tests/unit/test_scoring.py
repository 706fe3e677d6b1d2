"""The scoring rules of the question types answered in the browser, edge cases included."""

import math

import pytest

from questions import scoring

TWO_OF_FOUR = {
    "options": [
        {"key": "a", "text": "A", "correct": True},
        {"key": "b", "text": "B", "correct": True},
        {"key": "c", "text": "C", "correct": False},
        {"key": "d", "text": "D", "correct": False},
    ]
}
ONE_OF_FOUR = {"options": [dict(o, correct=o["key"] == "a") for o in TWO_OF_FOUR["options"]]}
THREE_OF_FOUR = {"options": [dict(o, correct=o["key"] != "d") for o in TWO_OF_FOUR["options"]]}
SINGLE = {"options": [{"key": "a", "text": "A", "correct": False}, {"key": "b", "text": "B", "correct": True}]}


def test_single_choice_full_marks_only_for_the_correct_option():
    assert scoring.grade_single_choice(SINGLE, "b").fraction == 1.0
    wrong = scoring.grade_single_choice(SINGLE, "a")
    assert wrong.fraction == 0.0
    assert "B" in wrong.feedback  # tells the candidate the right option


@pytest.mark.parametrize(
    "spec, selected, expected",
    [
        (TWO_OF_FOUR, ["a", "b"], 1.0),  # all right, nothing wrong
        (TWO_OF_FOUR, ["a"], 0.5),  # half the correct options
        (TWO_OF_FOUR, ["a", "c"], 0.0),  # half the right ones, half the wrong ones: nothing
        (TWO_OF_FOUR, ["a", "b", "c"], 0.5),  # a wrong tick costs the share of one wrong option
        (TWO_OF_FOUR, ["c", "d"], 0.0),  # floored at zero, never negative
        (ONE_OF_FOUR, ["a", "b"], 1 - 1 / 3),  # one of three wrong options ticked
        (THREE_OF_FOUR, ["a", "b", "d"], 2 / 3 - 1),  # floored: below zero is zero
        (THREE_OF_FOUR, ["a", "b"], 2 / 3),
    ],
)
def test_multiple_choice_partial_credit_is_right_share_minus_wrong_share(spec, selected, expected):
    assert scoring.grade_multiple_choice(spec, selected).fraction == pytest.approx(max(0.0, expected))


@pytest.mark.parametrize("spec", [TWO_OF_FOUR, ONE_OF_FOUR, THREE_OF_FOUR], ids=["2 of 4", "1 of 4", "3 of 4"])
def test_ticking_every_option_or_none_scores_nothing(spec):
    assert scoring.grade_multiple_choice(spec, [o["key"] for o in spec["options"]]).fraction == 0.0
    assert scoring.grade_multiple_choice(spec, []).fraction == 0.0


def test_multiple_choice_feedback_counts_right_and_wrong_ticks():
    feedback = scoring.grade_multiple_choice(TWO_OF_FOUR, ["a", "c"]).feedback
    assert "1 of the 2 correct options and 1 of the 2 wrong ones" in feedback


def test_multiple_choice_rule_is_stated_in_words():
    rule = scoring.multiple_choice_rule()
    assert "minus the share of the wrong options" in rule and "Ticking every option scores nothing" in rule


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
        (REL, 0.0404, 0.04, True),  # a small posterior: 1% of it, not ±0.01
        (REL, 0.0406, 0.04, False),
        (ABS, math.nan, 0.75, False),
        (ABS, math.inf, 0.75, False),
    ],
)
def test_numeric_tolerance(spec, given, expected, ok):
    assert (scoring.grade_numeric(spec, given, expected).fraction == 1.0) is ok


def test_tolerance_is_stated_in_words():
    assert scoring.tolerance_text(ABS) == "within ±0.01 of the exact value"
    assert scoring.tolerance_text(REL) == "within 1% of the exact value (relative to it, not ±0.01)"
    exact = {"tolerance": {"kind": "absolute", "amount": 0}}
    assert scoring.tolerance_text(exact) == "equal to the exact value (no tolerance)"
