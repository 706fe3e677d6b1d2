"""The foundations and capstone stages of the bank: every topic covered by at least six questions, choice
questions that cannot be gamed by option length or by ticking everything, and numeric questions whose
tolerance accepts the answer and refuses each listed classic wrong answer in every variant."""

import random
import re

import pytest
from django.conf import settings

from questions.bank_format import load_bank

BANK = load_bank(settings.BANK_DIR)
STAGES = ("foundations", "capstone")
OURS = [q for q in BANK.questions if q.stage in STAGES]
TASK_TYPES = ("code", "ml")
PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")
SEEDS = range(500)


def _variant_functions(source: str) -> dict:
    namespace: dict = {}
    exec(compile(source, "variant.py", "exec"), namespace)  # trusted bank content, as the loader runs it
    return namespace


def _accepted(spec: dict, given: float, expected: float) -> bool:
    tolerance = spec["tolerance"]
    allowed = tolerance["amount"] * (1 if tolerance["kind"] == "absolute" else abs(expected))
    return abs(given - expected) <= allowed + 1e-12


def test_every_topic_of_these_stages_has_six_questions_that_are_not_tasks():
    topics = [t.slug for s in BANK.stages if s.slug in STAGES for t in s.topics]
    counts = {t: sum(t in q.topics for q in BANK.questions if q.type not in TASK_TYPES) for t in topics}
    assert {t: n for t, n in counts.items() if n < 6} == {}


def test_the_correct_option_is_rarely_the_longest():
    single = [q for q in OURS if q.type == "single_choice"]
    longest = []
    for q in single:
        correct = next(o for o in q.spec["options"] if o["correct"])
        if all(len(correct["text"]) > len(o["text"]) for o in q.spec["options"] if o is not correct):
            longest.append(q.slug)
    assert len(longest) <= len(single) / 3, longest


@pytest.mark.parametrize("question", [q for q in OURS if q.type == "multiple_choice"], ids=lambda q: q.slug)
def test_multiple_choice_has_two_right_and_two_wrong_options(question):
    correct = [o for o in question.spec["options"] if o["correct"]]
    assert len(correct) >= 2
    assert len(question.spec["options"]) - len(correct) >= 2


@pytest.mark.parametrize("question", [q for q in OURS if q.type == "numeric"], ids=lambda q: q.slug)
def test_numeric_tolerance_separates_the_answer_from_the_classic_wrong_ones(question):
    if "variant_source" not in question.spec:
        pytest.skip("a fixed answer: its wrong answers live in question.yaml, checked by sync_bank")
    variant = _variant_functions(question.spec["variant_source"])
    if "wrong_answers" not in variant:
        pytest.skip("an existing question whose wrong answers another change adds")
    for seed in SEEDS:
        params = variant["parameters"](random.Random(seed))
        expected = float(variant["answer"](**params))
        assert set(PLACEHOLDER.findall(question.prompt)) <= params.keys()
        assert _accepted(question.spec, expected, expected)
        wrong = variant["wrong_answers"](**params)
        assert wrong, "list at least one classic wrong answer"
        inside = {label: value for label, value in wrong.items() if _accepted(question.spec, value, expected)}
        assert inside == {}, f"seed {seed}, params {params}: these wrong answers are accepted"


def test_new_numeric_questions_have_variants_and_wrong_answers():
    without = [
        q.slug
        for q in OURS
        if q.type == "numeric" and ("variant_source" not in q.spec or "def wrong_answers" not in q.spec["variant_source"])
    ]
    # dot-product and population-variance predate this rule; their wrong answers are added by another change.
    assert set(without) <= {"dot-product", "population-variance", "bayes-positive-test"}
