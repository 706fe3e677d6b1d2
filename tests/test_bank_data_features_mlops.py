"""The data-features and mlops stages: coverage per topic, numeric answers that separate the classic mistakes,
choice questions that cannot be gamed, and the two-proportion z-test task's solutions."""

import random

import pytest
from django.conf import settings

from grader import judging
from grader.models import Verdict
from questions import grading
from questions.bank_format import load_bank
from questions.trusted_code import function_from, load_source

BANK = load_bank(settings.BANK_DIR)
STAGES = ("data-features", "mlops")
OURS = [q for q in BANK.questions if q.stage in STAGES]
NON_TASKS = [q for q in OURS if q.type not in ("code", "ml")]
WITH_WRONG_ANSWERS = [
    q for q in OURS if q.type == "numeric" and "wrong_answers" in load_source(q.spec.get("variant_source", ""), "variant.py")
]
Z_TEST = next(q for q in BANK.questions if q.slug == "two-proportion-z-test")


def test_every_topic_of_these_stages_has_at_least_6_non_task_questions():
    topics = [t.slug for s in BANK.stages if s.slug in STAGES for t in s.topics]
    count = {t: sum(t in q.topics for q in NON_TASKS) for t in topics}
    assert {t: n for t, n in count.items() if n < 6} == {}


def test_calculations_come_with_their_classic_wrong_answers():
    assert len(WITH_WRONG_ANSWERS) >= 9


@pytest.mark.parametrize("question", WITH_WRONG_ANSWERS, ids=lambda q: q.slug)
def test_the_tolerance_accepts_the_answer_and_rejects_every_classic_wrong_answer(question):
    wrong_answers = function_from(question.spec["variant_source"], "variant.py", "wrong_answers")
    for seed in range(500):
        params, expected = grading.variant_for_seed(question.spec["variant_source"], seed)
        assert grading.grade_numeric(question.spec, expected, expected).fraction == 1.0
        for label, value in wrong_answers(**params).items():
            assert grading.grade_numeric(question.spec, float(value), expected).fraction == 0.0, (seed, label)


@pytest.mark.parametrize("question", [q for q in OURS if q.type == "multiple_choice"], ids=lambda q: q.slug)
def test_multiple_choice_has_at_least_two_right_and_two_wrong_options(question):
    correct = sum(o["correct"] for o in question.spec["options"])
    assert correct >= 2 and len(question.spec["options"]) - correct >= 2


def test_the_right_option_is_the_longest_in_at_most_a_third_of_single_choice_questions():
    single = [q for q in OURS if q.type == "single_choice"]
    longest = [
        q.slug
        for q in single
        if max(len(o["text"]) for o in q.spec["options"] if not o["correct"])
        < next(len(o["text"]) for o in q.spec["options"] if o["correct"])
    ]
    assert len(longest) <= len(single) / 3, longest


def _outcome(fn, args):
    try:
        return fn(*args)
    except ValueError:
        return "ValueError"


@pytest.mark.parametrize("name", ["solution.py", "second_solution.py"])
def test_both_z_test_solutions_agree_with_the_reference_on_many_seeds(name):
    reference = function_from(Z_TEST.spec["reference"], "reference.py", "two_proportion_z_test")
    candidate = function_from((Z_TEST.folder / name).read_text(), name, "two_proportion_z_test")
    cases = function_from(Z_TEST.spec["cases"], "cases.py", "examples")()
    for seed in range(30):
        cases += function_from(Z_TEST.spec["cases"], "cases.py", "hidden")(random.Random(seed))
    for case in cases:
        expected, got = _outcome(reference, case["args"]), _outcome(candidate, case["args"])
        if expected == "ValueError":
            assert got == "ValueError", case
        else:
            assert judging.values_match(list(expected), [float(x) for x in got], abs_tol=1e-300, rel_tol=1e-9), case


def test_the_second_z_test_solution_is_accepted_in_the_sandbox():
    code = (Z_TEST.folder / "second_solution.py").read_text()
    for which in (judging.EXAMPLES, judging.HIDDEN):
        result = judging.run_task("code", Z_TEST.spec, code, which=which, seed=judging.hidden_seed(Z_TEST.content_hash), points=8)
        assert result.verdict == Verdict.ACCEPTED, result.feedback["message"]
