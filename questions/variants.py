"""A candidate's own variant of a question: its seed, a numeric question's numbers, the order of options.

Both the bank's loader (which draws many variants to check them) and the pages and services (which draw the
candidate's own) use this module. Variant code (variant.py) is trusted content from the repository's bank,
run in the web process like PrairieLearn's server.py.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import random
import re

from django.conf import settings

from questions.trusted_code import TrustedCodeError, function_from

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")


class VariantError(Exception):
    """variant.py is broken: it does not define parameters(), answer() or wrong_answers(), or they fail."""


def variant_seed(candidate_id: int, question_slug: str) -> int:
    """The seed of a candidate's own variant of a question: stable across versions and sessions.

    Keyed with the installation's grading seed: reviewers see a candidate's numbers while grading blind, and
    with the bank's variant.py public, an unkeyed seed would let them find which candidate id draws those numbers.
    """
    return int(_keyed(f"variant:{question_slug}:{candidate_id}")[:16], 16)


def option_token(candidate_id: int, question_slug: str, key: str) -> str:
    """What a candidate's answer form sends for an option: their own and opaque. The bank's option keys follow
    the bank's order, where the right options come first, so a form that sent them would give the answer away."""
    return _keyed(f"option:{question_slug}:{candidate_id}:{key}")[:12]


def _keyed(message: str) -> str:
    return hmac.new(settings.GRADING_SEED.encode(), message.encode(), hashlib.sha256).hexdigest()


def _variant_function(source: str, name: str):
    try:
        return function_from(source, "variant.py", name)
    except TrustedCodeError as exc:
        raise VariantError(str(exc)) from exc


def variant_for_seed(source: str, seed: int) -> tuple[dict, float]:
    """The parameters and the exact answer of the variant drawn with `seed`."""
    parameters = _variant_function(source, "parameters")
    try:
        params = parameters(random.Random(seed))
    except Exception as exc:  # noqa: BLE001
        raise VariantError(f"seed {seed}: parameters(rng) fails: {type(exc).__name__}: {exc}") from exc
    if not isinstance(params, dict) or not all(isinstance(k, str) for k in params):
        raise VariantError(f"seed {seed}: parameters(rng) must return a dict with text keys")
    return params, variant_answer(source, params)


def variant_answer(source: str, params: dict) -> float:
    """The exact answer of the variant with these parameters (an attempt stores the parameters it was given)."""
    answer = _variant_function(source, "answer")
    try:
        return float(answer(**params))
    except Exception as exc:  # noqa: BLE001
        raise VariantError(f"answer({params}) fails: {type(exc).__name__}: {exc}") from exc


def variant_wrong_answers(source: str, params: dict) -> dict[str, float]:
    """The classic wrong answers of a variant, {label: value}, from variant.py's wrong_answers(**params)."""
    wrong_answers = _variant_function(source, "wrong_answers")
    try:
        found = wrong_answers(**params)
    except Exception as exc:  # noqa: BLE001
        raise VariantError(f"wrong_answers({params}) fails: {type(exc).__name__}: {exc}") from exc
    if not isinstance(found, dict) or not found:
        raise VariantError("wrong_answers(**params) must return a non-empty dict of {label: value}")
    values = {}
    for label, value in found.items():
        if not isinstance(label, str) or not label.strip():
            raise VariantError(f"wrong_answers(**params) returned the label {label!r}; labels are non-empty text")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise VariantError(f"wrong_answers(**params) gives {label!r} the value {value!r}, not a finite number")
        values[label] = float(value)
    return values


def numeric_variant(spec: dict, *, candidate_id: int, question_slug: str) -> tuple[dict, float]:
    """The candidate's parameters (empty for a fixed question) and the expected answer."""
    if "variant_source" not in spec:
        return {}, spec["answer"]
    return variant_for_seed(spec["variant_source"], variant_seed(candidate_id, question_slug))


def options_for(spec: dict, *, candidate_id: int, question_slug: str) -> list[dict]:
    """The options in the candidate's own order, so the right answer is not always in the same place, each with
    the `token` the candidate's form sends for it (option_token)."""
    options = [dict(o, token=option_token(candidate_id, question_slug, o["key"])) for o in spec.get("options", [])]
    random.Random(variant_seed(candidate_id, question_slug)).shuffle(options)
    return options


def render_variant(text: str, params: dict) -> str:
    """Fill {{name}} placeholders of a prompt with the variant's parameters."""
    return PLACEHOLDER.sub(lambda m: str(params.get(m.group(1), m.group(0))), text)
