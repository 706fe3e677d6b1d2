"""The shipped bank: enough questions, every stage and topic covered, and every question answerable."""

import shutil

import pytest
from django.conf import settings

from questions import bank_format, scoring, variants
from questions.bank_format import load_bank

BANK = load_bank(settings.BANK_DIR)


NON_TASKS = [q for q in BANK.questions if q.type not in ("code", "ml")]
TASKS = [q for q in BANK.questions if q.type in ("code", "ml")]


def test_at_least_150_questions_and_every_topic_with_four():
    assert len(NON_TASKS) >= 150
    per_topic = {t.slug: sum(t.slug in q.topics for q in NON_TASKS) for s in BANK.stages for t in s.topics}
    assert len(per_topic) == 24
    assert {t: n for t, n in per_topic.items() if n < 4} == {}


def test_every_stage_has_questions_and_code_tasks():
    assert len(BANK.stages) == 6
    for stage in BANK.stages:
        assert any(q.stage == stage.slug for q in NON_TASKS), stage.slug
        assert any(q.stage == stage.slug for q in TASKS), stage.slug


def test_multiple_choice_has_at_least_two_right_and_two_wrong_options():
    thin = [q.slug for q in BANK.questions if q.type == "multiple_choice"
            if not 2 <= sum(o["correct"] for o in q.spec["options"]) <= len(q.spec["options"]) - 2]
    assert thin == []


def test_the_right_option_is_the_longest_in_at_most_a_third_of_single_choice_questions():
    single = [q for q in BANK.questions if q.type == "single_choice"]
    longest = [
        q.slug for q in single
        if next(len(o["text"]) for o in q.spec["options"] if o["correct"])
        > max(len(o["text"]) for o in q.spec["options"] if not o["correct"])
    ]
    assert len(longest) <= len(single) / 3, longest


def test_every_type_answered_in_the_browser_is_present():
    types = {q.type for q in BANK.questions}
    assert {"single_choice", "multiple_choice", "numeric", "free_text"} <= types


def test_numeric_questions_mostly_have_variants():
    numeric = [q for q in BANK.questions if q.type == "numeric"]
    assert len(numeric) >= 8
    assert all("variant_source" in q.spec for q in numeric)


@pytest.mark.parametrize("question", [q for q in BANK.questions if q.type == "numeric"], ids=lambda q: q.slug)
def test_each_numeric_variant_accepts_its_own_answer(question):
    for candidate_id in range(1, 20):
        params, expected = variants.numeric_variant(question.spec, candidate_id=candidate_id, question_slug=question.slug)
        assert "{{" not in variants.render_variant(question.prompt, params)
        assert scoring.grade_numeric(question.spec, expected, expected).fraction == 1.0


def test_correct_options_are_not_always_first_for_a_candidate():
    firsts = []
    for q in BANK.questions:
        if q.type == "single_choice":
            shown = variants.options_for(q.spec, candidate_id=1, question_slug=q.slug)
            firsts.append(shown[0]["correct"])
    assert 0 < sum(firsts) < len(firsts) * 0.6


CODE = [q for q in BANK.questions if q.type == "code"]
ML = [q for q in BANK.questions if q.type == "ml"]


def test_at_least_15_code_tasks_with_4_known_wrong_solutions_each():
    assert len(CODE) >= 15
    assert [q.slug for q in CODE + ML if len(q.spec["wrong"]) < 4] == []


def test_the_canonical_tasks_have_their_contracted_names():
    by_slug = {q.slug: q for q in CODE}
    assert by_slug["f1-score"].spec["entry_point"] == "f1_score"
    assert by_slug["precision-recall"].spec["entry_point"] == "precision_recall"
    assert by_slug["k-fold"].spec["entry_point"] == "k_fold_split"
    for slug in ("f1-score", "precision-recall", "k-fold"):
        assert by_slug[slug].spec["packages"] == ["numpy"]  # from scratch: no scikit-learn in the sandbox


def test_from_scratch_tasks_cannot_see_scikit_learn():
    assert [q.slug for q in CODE if "sklearn" in q.spec["packages"]] == []


def test_at_least_two_ml_tasks_scored_by_a_metric():
    assert len(ML) >= 2
    assert {q.spec["metric"] for q in ML} >= {"pr_auc", "rmse"}


def test_f1_tolerance_separates_the_classic_wrong_answers_in_20000_variants(tmp_path, monkeypatch):
    """Issue 12: the arithmetic mean of precision and recall was accepted in about 3 draws of 10."""
    bank = tmp_path / "bank"
    shutil.copytree(settings.BANK_DIR / "core-ml" / "f1-from-confusion-matrix", bank / "core-ml" / "f1-from-confusion-matrix")
    shutil.copy(settings.BANK_DIR / "roadmap.yaml", bank / "roadmap.yaml")
    monkeypatch.setattr(bank_format, "VARIANT_SEEDS", 20_000)
    [question] = bank_format.load_bank(bank).questions  # raises BankError naming the seed otherwise
    assert len(variants.variant_wrong_answers(question.spec["variant_source"], {"tp": 50, "fp": 10, "fn": 40, "tn": 200})) >= 3
