"""answer_submit: grading against the version the candidate saw, and refusing bad input."""

import pytest
from django.core.exceptions import ValidationError

from accounts.models import User
from questions import variants
from questions.models import AttemptStatus, Question
from questions.services import answer_submit

pytestmark = pytest.mark.django_db


def q(slug):
    return Question.objects.select_related("current_version").get(slug=slug)


def correct_key(question):
    return next(o["key"] for o in question.current_version.spec["options"] if o["correct"])


def test_single_choice(candidate):
    question = q("l1-zeroes-weights")
    right = answer_submit(candidate=candidate, question=question, raw_answer=correct_key(question))
    assert (right.status, right.score, right.max_score) == (AttemptStatus.GRADED, 1.0, 1.0)
    wrong_key = next(o["key"] for o in question.current_version.spec["options"] if not o["correct"])
    assert answer_submit(candidate=candidate, question=question, raw_answer=wrong_key).score == 0.0


def test_multiple_choice_partial_credit_in_points(candidate):
    question = q("kfold-benefits")  # 3 correct of 5, worth 2 points
    spec = question.current_version.spec
    one_right = next(o["key"] for o in spec["options"] if o["correct"])
    attempt = answer_submit(candidate=candidate, question=question, raw_answer=[one_right])
    assert attempt.score == pytest.approx(2 / 3, abs=1e-3)


def test_numeric_uses_the_candidates_own_variant(candidate):
    question = q("f1-from-confusion-matrix")
    spec = question.current_version.spec
    params, expected = variants.numeric_variant(spec, candidate_id=candidate.pk, question_slug=question.slug)
    attempt = answer_submit(candidate=candidate, question=question, raw_answer=f"{expected:.4f}")
    assert attempt.score == attempt.max_score
    assert attempt.variant == params
    # Another candidate whose numbers give another answer (the first of the next ids that does):
    # our answer is wrong for them.
    other_id = next(i for i in range(candidate.pk + 1, candidate.pk + 100)
                    if abs(variants.numeric_variant(spec, candidate_id=i, question_slug=question.slug)[1] - expected) > 0.01)
    other = User.objects.create_user(username="someone-else", password="a-long-test-password-1", id=other_id)
    assert answer_submit(candidate=other, question=question, raw_answer=f"{expected:.4f}").score == 0


def test_free_text_waits_for_review(candidate):
    attempt = answer_submit(candidate=candidate, question=q("fraud-threshold"), raw_answer="Pick it by cost.")
    assert attempt.status == AttemptStatus.PENDING_REVIEW
    assert attempt.score is None


@pytest.mark.parametrize(
    "slug, raw, message",
    [
        ("l1-zeroes-weights", "z", "Choose one of the options"),
        ("kfold-benefits", [], "Tick at least one"),
        ("kfold-benefits", ["a", "a"], "each once"),
        ("f1-from-confusion-matrix", "about a half", "Enter a number"),
        ("f1-from-confusion-matrix", "nan", "finite"),
        ("fraud-threshold", "   ", "Write your answer"),
        ("fraud-threshold", "x" * 10_001, "under 10,000"),
    ],
)
def test_bad_answers_are_refused_with_a_message(candidate, slug, raw, message):
    with pytest.raises(ValidationError, match=message):
        answer_submit(candidate=candidate, question=q(slug), raw_answer=raw)
    assert not candidate.attempts.exists()


@pytest.mark.parametrize("raw", ["12,928", "0,75", "1,000.5", " 3, "])
def test_a_number_with_a_comma_is_refused_never_guessed(candidate, raw):
    """Is 12,928 twelve thousand or twelve point nine? Refuse it and say how to write numbers."""
    question = q("dot-product")
    with pytest.raises(ValidationError, match="decimal point") as refused:
        answer_submit(candidate=candidate, question=question, raw_answer=raw)
    assert "no thousands separators" in str(refused.value)
    assert not candidate.attempts.exists()


def test_only_candidates_answer(reviewer):
    with pytest.raises(ValidationError, match="Only candidate"):
        answer_submit(candidate=reviewer, question=q("l1-zeroes-weights"), raw_answer="a")


def test_retired_questions_cannot_be_answered(candidate):
    question = q("l1-zeroes-weights")
    question.retired = True
    question.save()
    with pytest.raises(ValidationError, match="no longer"):
        answer_submit(candidate=candidate, question=question, raw_answer="a")
