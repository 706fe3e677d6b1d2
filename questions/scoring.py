"""Scoring the answers given in the browser: single and multiple choice, and numeric answers.

Pure functions over a version's `spec`; the services decide what to store. Free-text answers are not scored
here: a reviewer grades them with the rubric. Code and ML tasks are graded by the grader app.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Grade:
    fraction: float  # 0..1 of the question's points
    feedback: str


def multiple_choice_rule() -> str:
    """The scoring rule of multiple-choice questions, as the question page states it."""
    return (
        "Partial credit: you earn the share of the correct options that you tick, minus the share of the wrong "
        "options that you tick, never below zero. Ticking every option scores nothing."
    )


def grade_single_choice(spec: dict, selected: str) -> Grade:
    """Full marks for the one correct option, nothing otherwise."""
    correct = next(o for o in spec["options"] if o["correct"])
    if selected == correct["key"]:
        return Grade(1.0, "Correct.")
    return Grade(0.0, f"Not quite. The correct option is: {correct['text']}")


def grade_multiple_choice(spec: dict, selected: list[str]) -> Grade:
    """max(0, right/C - wrong/W) with C correct and W wrong options: ticking all or none scores zero."""
    correct = {o["key"] for o in spec["options"] if o["correct"]}
    wrong_options = {o["key"] for o in spec["options"]} - correct
    chosen = set(selected)
    right, wrong = len(chosen & correct), len(chosen & wrong_options)
    fraction = max(0.0, right / len(correct) - wrong / len(wrong_options))
    if right == len(correct) and wrong == 0:
        return Grade(1.0, "Correct: you found every right option and no wrong one.")
    missed = len(correct) - right
    left = "every correct option is ticked" if not missed else (
        f"{missed} correct option{'' if missed == 1 else 's'} left unticked")
    return Grade(
        fraction,
        f"You ticked {right} of the {len(correct)} correct options and {wrong} of the {len(wrong_options)} "
        f"wrong ones; {left}.",
    )


def grade_numeric(spec: dict, given: float, expected: float) -> Grade:
    """Accepted when `given` is within the tolerance of `expected` (absolute, or relative to it)."""
    if not math.isfinite(given):
        return Grade(0.0, "The answer must be a finite number.")
    tolerance = spec["tolerance"]
    allowed = tolerance["amount"] if tolerance["kind"] == "absolute" else tolerance["amount"] * abs(expected)
    unit = f" {spec['unit']}" if spec.get("unit") else ""
    if abs(given - expected) <= allowed + 1e-12:
        return Grade(1.0, f"Correct: the answer is {expected:.6g}{unit}.")
    return Grade(0.0, f"Not quite: the answer is {expected:.6g}{unit}, you gave {given:.6g}{unit}.")


def tolerance_text(spec: dict) -> str:
    """The tolerance in words, as the question page states it."""
    tolerance = spec["tolerance"]
    if tolerance["amount"] == 0:
        return "equal to the exact value (no tolerance)"
    if tolerance["kind"] == "absolute":
        return f"within ±{tolerance['amount']:g} of the exact value"
    return f"within {tolerance['amount'] * 100:g}% of the exact value (relative to it, not ±{tolerance['amount']:g})"
