"""progress_update: every kind of result moves the stored mastery, in the same transaction; example runs,
answers awaiting review and retired questions do not count."""

import shutil

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from grader.models import SubmissionKind
from profiles.mastery import Level, tally
from profiles.models import BestResult, CandidateProfile, StageMastery, TopicMastery
from profiles.selectors import bank_summary, question_results, roadmap_progress
from questions.models import Question, QuestionVersion, Topic
from questions.services import answer_submit, sync_bank
from tests.profiles.helpers import answer, free_text, graded, question, review, submission

pytestmark = pytest.mark.django_db


def topic_row(candidate, slug):
    return TopicMastery.objects.filter(candidate=candidate, topic__slug=slug).first()


def expected(topic_slug, best):
    """What the rule gives for a topic, from the bank as it is now (so new questions do not break the test)."""
    bank = bank_summary()
    topic = Topic.objects.get(slug=topic_slug)
    return tally(bank.in_topic(topic.pk), {question(slug).pk: fraction for slug, fraction in best.items()})


def test_a_right_choice_answer_counts_for_its_topic_stage_and_the_roadmap(candidate):
    answer(candidate, "l1-zeroes-weights", right=True)
    row = topic_row(candidate, "regularisation")
    want = expected("regularisation", {"l1-zeroes-weights": 1.0})
    assert (row.score, row.coverage, row.graded_questions, row.solved_questions) == (1.0, want.coverage, 1, 1)
    assert row.level == want.level == Level.FAMILIAR  # right, but on a small share of the topic
    stage = StageMastery.objects.get(candidate=candidate, stage__slug="core-ml")
    assert stage.graded_questions == 1 and stage.score == 1.0
    profile = CandidateProfile.objects.get(candidate=candidate)
    assert profile.graded_questions == 1 and profile.last_activity_at is not None
    assert not StageMastery.objects.filter(candidate=candidate, stage__slug="foundations").exists()


def test_the_best_result_counts_and_a_wrong_answer_later_does_not_undo_it(candidate):
    answer(candidate, "l1-zeroes-weights", right=False)
    assert topic_row(candidate, "regularisation").score == 0.0
    assert topic_row(candidate, "regularisation").level == Level.ATTEMPTED
    answer(candidate, "l1-zeroes-weights", right=True)
    answer(candidate, "l1-zeroes-weights", right=False)
    assert topic_row(candidate, "regularisation").score == 1.0
    assert BestResult.objects.get(candidate=candidate, question=question("l1-zeroes-weights")).graded_results == 3


def test_weighted_by_points_and_difficulty(candidate):
    answer(candidate, "regularisation-strength", right=True)  # medium, 1 point: weight 2
    answer(candidate, "l1-zeroes-weights", right=False)  # easy, 1 point: weight 1
    row = topic_row(candidate, "regularisation")
    assert row.score == pytest.approx(2 / 3)
    assert row.score == pytest.approx(expected("regularisation", {"regularisation-strength": 1.0, "l1-zeroes-weights": 0.0}).score)


@pytest.mark.parametrize("slug, topic", [("kfold-benefits", "cross-validation"), ("f1-from-confusion-matrix", "evaluation-metrics")])
def test_multiple_choice_and_numeric_answers_count(candidate, slug, topic):
    answer(candidate, slug, right=True)
    assert topic_row(candidate, topic).score == pytest.approx(1.0)


def test_free_text_counts_only_once_a_reviewer_grades_it(candidate):
    attempt = free_text(candidate, "fraud-threshold")
    assert topic_row(candidate, "imbalanced-data") is None
    assert question_results(candidate=candidate)[attempt.question_id].label == "Awaiting review"
    review(attempt, score=3.0)  # of 4
    row = topic_row(candidate, "imbalanced-data")
    assert row.score == pytest.approx(0.75) and row.graded_questions == 1
    assert question_results(candidate=candidate)[attempt.question_id].label == "Partly right"


@pytest.mark.parametrize("slug, topic", [("k-fold", "cross-validation"), ("imbalanced-classifier", "imbalanced-data")])
def test_graded_code_and_ml_submissions_count(candidate, slug, topic):
    sub = submission(candidate, slug)
    assert topic_row(candidate, topic) is None  # queued: nothing yet
    graded(sub, 0.6)
    assert topic_row(candidate, topic).score == pytest.approx(0.6)


def test_example_runs_never_count(candidate):
    graded(submission(candidate, "k-fold", kind=SubmissionKind.EXAMPLES), 1.0)
    assert topic_row(candidate, "cross-validation") is None
    assert not BestResult.objects.filter(candidate=candidate).exists()


def test_a_lower_regrade_or_override_lowers_mastery(candidate):
    sub = graded(submission(candidate, "k-fold"), 1.0)
    assert topic_row(candidate, "cross-validation").score == 1.0
    graded(sub, 0.3, reason="new hidden cases", regrade=True)
    assert topic_row(candidate, "cross-validation").score == pytest.approx(0.3)


def test_a_result_that_keeps_the_best_still_counts_as_a_result_and_as_activity(candidate):
    first = graded(submission(candidate, "k-fold"), 1.0)
    graded(submission(candidate, "confusion-matrix"), 0.4)
    stored = {row.topic.slug: row.score for row in TopicMastery.objects.filter(candidate=candidate)}
    later = graded(submission(candidate, "k-fold"), 0.5)  # lower: the best on k-fold stays 1.0
    best = BestResult.objects.get(candidate=candidate, question=later.question)
    assert (best.best_fraction, best.graded_results, best.last_result_at) == (1.0, 2, later.created_at)
    assert CandidateProfile.objects.get(candidate=candidate).last_activity_at == later.created_at
    assert {row.topic.slug: row.score for row in TopicMastery.objects.filter(candidate=candidate)} == stored
    # A best that moves, down or up, moves mastery again.
    graded(first, 0.2, reason="override", regrade=True)
    graded(submission(candidate, "confusion-matrix"), 0.9)
    assert topic_row(candidate, "cross-validation").score == pytest.approx(0.5)
    assert topic_row(candidate, "evaluation-metrics").score == pytest.approx(0.9)


def test_a_submission_that_keeps_the_best_does_not_read_the_bank(candidate):
    # It runs on most gradings (a correct solution submitted again), and nothing that depends on the bank moves.
    graded(submission(candidate, "k-fold"), 1.0)
    kept, moved = submission(candidate, "k-fold"), submission(candidate, "confusion-matrix")
    with CaptureQueriesContext(connection) as queries:
        graded(kept, 1.0)
    assert not [q for q in queries if "questions_question_topics" in q["sql"]]
    with CaptureQueriesContext(connection) as queries:
        graded(moved, 0.5)
    assert [q for q in queries if "questions_question_topics" in q["sql"]]
    assert CandidateProfile.objects.get(candidate=candidate).last_activity_at == moved.created_at


def test_a_submission_graded_after_a_newer_one_counts_without_moving_the_last_result_back(candidate):
    older, newer = submission(candidate, "k-fold"), submission(candidate, "k-fold")
    graded(newer, 0.4)
    graded(older, 0.8)  # a slower run of an earlier submission: its verdict comes last
    best = BestResult.objects.get(candidate=candidate, question=older.question)
    assert older.created_at < newer.created_at
    assert (best.best_fraction, best.graded_results, best.last_result_at) == (0.8, 2, newer.created_at)
    assert CandidateProfile.objects.get(candidate=candidate).last_activity_at == newer.created_at


def test_a_first_answer_waiting_for_review_gives_the_profile_the_whole_roadmap_to_cover(candidate):
    free_text(candidate, "fraud-threshold")
    profile = CandidateProfile.objects.get(candidate=candidate)
    assert profile.graded_questions == 0 and profile.total_questions == len(bank_summary().questions) > 0
    assert profile.last_activity_at is not None


def test_answers_from_before_a_question_became_a_code_task_still_count(candidate):
    # A folder of the bank may change type between versions (a choice question rewritten as a code task): the
    # answers to its earlier version count with the submissions to the later one.
    q = question("f1-score")
    code_version = q.current_version
    choice = question("l1-zeroes-weights").current_version
    as_choice = QuestionVersion.objects.create(
        question=q, number=code_version.number + 1, content_hash=f"as-choice-{code_version.content_hash[:40]}",
        type=choice.type, title=choice.title, prompt=choice.prompt, explanation=choice.explanation,
        difficulty=code_version.difficulty, points=code_version.points, spec=choice.spec,
    )
    Question.objects.filter(pk=q.pk).update(current_version=as_choice)
    answer(candidate, "f1-score", right=True)
    Question.objects.filter(pk=q.pk).update(current_version=code_version)  # the code task again
    graded(submission(candidate, "f1-score"), 0.25)
    best = BestResult.objects.get(candidate=candidate, question=q)
    assert (best.best_fraction, best.graded_results) == (1.0, 2)


def test_an_answer_rolled_back_leaves_progress_untouched(candidate):
    with pytest.raises(RuntimeError), transaction.atomic():
        answer(candidate, "l1-zeroes-weights", right=True)
        raise RuntimeError("the request failed after the answer was stored")
    assert topic_row(candidate, "regularisation") is None
    assert not BestResult.objects.filter(candidate=candidate).exists()


def test_the_roadmap_and_stage_pages_read_the_stored_progress(candidate, client):
    answer(candidate, "l1-zeroes-weights", right=True)
    core = next(p for p in roadmap_progress(candidate=candidate) if p.stage.slug == "core-ml")
    assert (core.solved, core.started, core.points_earned) == (1, 1, 1)
    assert core.mastery.level_label == "Familiar"
    client.force_login(candidate)
    assert "Familiar" in client.get("/roadmap/").content.decode()


def test_retired_questions_count_in_neither_numerator_nor_denominator(candidate, tmp_path):
    answer(candidate, "l1-zeroes-weights", right=True)
    answer(candidate, "regularisation-strength", right=False)
    before = topic_row(candidate, "regularisation")
    bank = tmp_path / "bank"
    shutil.copytree(settings.BANK_DIR, bank)
    shutil.rmtree(bank / "core-ml" / "regularisation-strength")
    sync_bank(bank_dir=bank)  # retires it, and progress follows
    after = topic_row(candidate, "regularisation")
    assert after.score == 1.0 and before.score < 1.0
    assert after.total_questions == before.total_questions - 1
    assert after.total_weight == pytest.approx(before.total_weight - 2)


def test_a_new_question_in_the_bank_lowers_coverage_for_everyone(candidate, tmp_path):
    answer(candidate, "l1-zeroes-weights", right=True)
    before = topic_row(candidate, "regularisation")
    bank = tmp_path / "bank"
    shutil.copytree(settings.BANK_DIR, bank)
    shutil.copytree(bank / "core-ml" / "l1-zeroes-weights", bank / "core-ml" / "l1-zeroes-weights-again")
    sync_bank(bank_dir=bank)
    after = topic_row(candidate, "regularisation")
    assert after.total_questions == before.total_questions + 1 and after.coverage < before.coverage
    assert Question.objects.filter(slug="l1-zeroes-weights-again").exists()


def test_only_candidates_answer(reviewer):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        answer_submit(candidate=reviewer, question=question("l1-zeroes-weights"), raw_answer="a")
    assert not CandidateProfile.objects.filter(candidate=reviewer).exists()
