"""The core-ml and deep-learning stages of the shipped bank: coverage per topic, choice questions that cannot be
gamed by option length, numeric questions whose classic wrong answers fall outside the tolerance, and code
tasks whose second solution agrees with the reference while every known-wrong solution fails.

The code-task checks run outside the sandbox (sync_bank runs them inside it); they are here because they are
fast and say which case a change broke.
"""

import copy
import random

import numpy as np
import pytest
from django.conf import settings

from grader.judging import task_cases, values_match
from grader.sandbox.harness import to_plain
from questions import grading
from questions.bank_format import load_bank
from questions.trusted_code import function_from, load_source

STAGES = ("core-ml", "deep-learning")
BANK = load_bank(settings.BANK_DIR)
MINE = [q for q in BANK.questions if q.stage in STAGES]
TASKS = ["best-gini-split", "conv-output-shape", "attention-weights", "adam-step", "two-layer-backprop"]


def test_every_topic_of_these_stages_has_six_non_task_questions():
    topics = [t.slug for s in BANK.stages if s.slug in STAGES for t in s.topics]
    counts = {t: sum(t in q.topics for q in MINE if q.type not in ("code", "ml")) for t in topics}
    assert {t: n for t, n in counts.items() if n < 6} == {}


def test_the_correct_option_is_rarely_the_longest_or_the_shortest():
    single = [q for q in MINE if q.type == "single_choice"]
    longest = shortest = 0
    for q in single:
        right = next(len(o["text"]) for o in q.spec["options"] if o["correct"])
        wrong = [len(o["text"]) for o in q.spec["options"] if not o["correct"]]
        longest += right > max(wrong)
        shortest += right < min(wrong)
    assert longest <= len(single) / 3
    assert shortest <= len(single) / 3


def test_multiple_choice_has_at_least_two_right_and_two_wrong_options():
    for q in MINE:
        if q.type == "multiple_choice":
            right = sum(o["correct"] for o in q.spec["options"])
            assert right >= 2 and len(q.spec["options"]) - right >= 2, q.slug


NUMERIC_WITH_WRONG_ANSWERS = [
    q for q in MINE if q.type == "numeric" and "wrong_answers" in load_source(q.spec.get("variant_source", ""), "variant.py")
]


def test_the_new_numeric_questions_list_their_classic_wrong_answers():
    assert len(NUMERIC_WITH_WRONG_ANSWERS) >= 15


@pytest.mark.parametrize("question", NUMERIC_WITH_WRONG_ANSWERS, ids=lambda q: q.slug)
def test_numeric_tolerance_accepts_the_answer_and_rejects_every_classic_wrong_answer(question):
    wrong_answers = load_source(question.spec["variant_source"], "variant.py")["wrong_answers"]
    for seed in range(500):
        params, expected = grading.variant_for_seed(question.spec["variant_source"], seed)
        assert grading.grade_numeric(question.spec, expected, expected).fraction == 1.0
        for label, value in wrong_answers(**params).items():
            assert grading.grade_numeric(question.spec, value, expected).fraction == 0.0, (seed, label, value, expected)


def _run(fn, case):
    outputs = []
    try:
        for _ in range(case.calls):
            args = [np.asarray(a) if i in case.array_args else a for i, a in enumerate(copy.deepcopy(case.args))]
            outputs.append(to_plain(fn(*args, **copy.deepcopy(case.kwargs))))
    except Exception as exc:  # noqa: BLE001 - raising is a result too
        return {"raises": [c.__name__ for c in type(exc).__mro__]}
    return outputs[0] if case.calls == 1 else outputs


def _passes(expected, got, tol):
    if isinstance(expected, dict) and "raises" in expected:
        return isinstance(got, dict) and "raises" in got and expected["raises"][0] in got["raises"]
    if isinstance(got, dict) and "raises" in got:
        return False
    return values_match(expected, got, abs_tol=tol[0], rel_tol=tol[1])


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("slug", TASKS)
def test_second_solution_agrees_with_the_reference_and_every_wrong_solution_fails(slug):
    question = next(q for q in BANK.questions if q.slug == slug)
    spec, entry = question.spec, question.spec["entry_point"]
    tol = (spec["compare"].get("abs", 0.0), spec["compare"].get("rel", 0.0)) if spec["compare"]["kind"] == "close" else (0, 0)
    reference = function_from(spec["reference"], "reference.py", entry)
    second = function_from((question.folder / "second_solution.py").read_text(), "second_solution.py", entry)
    solution = function_from(spec["solution"], "solution.py", entry)
    wrong = {name: function_from(code, name, entry) for name, code in spec["wrong"].items()}
    # The fixed hidden cases (those every seed draws) must catch each known-wrong solution, whatever the seed.
    other = task_cases(spec, which="hidden", seed=2)
    fixed = [c for c in task_cases(spec, which="hidden", seed=1) if any((c.args, c.kwargs) == (d.args, d.kwargs) for d in other)]
    survivors = set(wrong)
    for seed in range(5):
        cases = task_cases(spec, which="hidden", seed=random.Random(seed).getrandbits(64))
        cases += task_cases(spec, which="examples", seed=0)
        for case in cases:
            expected = _run(reference, case)
            for name, fn in (("solution.py", solution), ("second_solution.py", second)):
                assert _passes(expected, _run(fn, case), tol), (name, case.category, case.args, case.kwargs)
    for case in fixed:
        expected = _run(reference, case)
        for name in list(survivors):
            if not _passes(expected, _run(wrong[name], case), tol):
                survivors.discard(name)
    assert len(wrong) >= 4
    assert survivors == set(), "these known-wrong solutions pass every fixed hidden case"
