"""Grading of the question types that need no sandbox: choice, numeric (with variants) and free text.

Pure functions over a version's `spec`; the services decide what to store. Variant code (variant.py) is
trusted content from the repository's bank, run in the web process like PrairieLearn's server.py.
"""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass

from questions.bank_format import PLACEHOLDER
from questions.trusted_code import TrustedCodeError, function_from


class VariantError(Exception):
    """variant.py is broken: it does not define parameters() and answer(), or they fail."""


@dataclass(frozen=True)
class Grade:
    fraction: float  # 0..1 of the question's points
    feedback: str


def multiple_choice_rule() -> str:
    return (
        "Partial credit: each correct option you tick earns an equal share of the points, each wrong option "
        "you tick takes one share away, and the score never goes below zero."
    )


def grade_single_choice(spec: dict, selected: str) -> Grade:
    """Full marks for the one correct option, nothing otherwise."""
    correct = next(o for o in spec["options"] if o["correct"])
    if selected == correct["key"]:
        return Grade(1.0, "Correct.")
    return Grade(0.0, f"Not quite. The correct option is: {correct['text']}")


def grade_multiple_choice(spec: dict, selected: list[str]) -> Grade:
    """(right ticks - wrong ticks) / number of correct options, floored at zero (see multiple_choice_rule)."""
    correct = {o["key"] for o in spec["options"] if o["correct"]}
    chosen = set(selected)
    right, wrong = len(chosen & correct), len(chosen - correct)
    fraction = max(0.0, (right - wrong) / len(correct))
    missed = len(correct - chosen)
    if fraction == 1.0:
        return Grade(1.0, "Correct: you found every right option and no wrong one.")
    return Grade(
        fraction,
        f"You ticked {right} of the {len(correct)} correct options and {wrong} wrong one(s); "
        f"{missed} correct option(s) left unticked.",
    )


def variant_seed(candidate_id: int, question_slug: str) -> int:
    """The seed of a candidate's own variant of a question: stable across versions and sessions."""
    digest = hashlib.sha256(f"{question_slug}:{candidate_id}".encode()).hexdigest()
    return int(digest[:16], 16)


def _compile_variant(source: str):
    try:
        return function_from(source, "variant.py", "parameters"), function_from(source, "variant.py", "answer")
    except TrustedCodeError as exc:
        raise VariantError(str(exc)) from exc


def variant_for_seed(source: str, seed: int) -> tuple[dict, float]:
    """The parameters and the exact answer of the variant drawn with `seed`."""
    parameters, answer = _compile_variant(source)
    try:
        params = parameters(random.Random(seed))
        if not isinstance(params, dict) or not all(isinstance(k, str) for k in params):
            raise VariantError("parameters(rng) must return a dict with text keys")
        value = float(answer(**params))
    except VariantError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise VariantError(f"seed {seed}: {type(exc).__name__}: {exc}") from exc
    return params, value


def options_for(spec: dict, *, candidate_id: int, question_slug: str) -> list[dict]:
    """The options in the candidate's own order, so the right answer is not always in the same place."""
    options = list(spec.get("options", []))
    random.Random(variant_seed(candidate_id, question_slug)).shuffle(options)
    return options


def numeric_variant(spec: dict, *, candidate_id: int, question_slug: str) -> tuple[dict, float]:
    """The candidate's parameters (empty for a fixed question) and the expected answer."""
    if "variant_source" not in spec:
        return {}, spec["answer"]
    return variant_for_seed(spec["variant_source"], variant_seed(candidate_id, question_slug))


def render_variant(text: str, params: dict) -> str:
    """Fill {{name}} placeholders of a prompt with the variant's parameters."""
    return PLACEHOLDER.sub(lambda m: str(params.get(m.group(1), m.group(0))), text)


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
    tolerance = spec["tolerance"]
    if tolerance["kind"] == "absolute":
        return f"within ±{tolerance['amount']:g} of the exact value"
    return f"within {tolerance['amount'] * 100:g}% of the exact value"
