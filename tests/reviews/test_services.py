"""The grading trail and the reviewers' services: what a reviewer, a candidate and the grader can rely on."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Role
from profiles.models import BestResult
from questions.models import AttemptStatus
from reviews import selectors, services
from reviews.models import Appeal, AppealStatus, GradeRecord, GradeSource, Notification, ReviewItem, ReviewKind
from tests.profiles import helpers
from tests.conftest import make_account

pytestmark = pytest.mark.django_db
FREE = "test-set-after-tuning"  # a free-text question of the bank
CHOICE = "l1-zeroes-weights"


def rubric_marks(attempt, ticks):
    rubric = selectors.rubric_of(attempt)
    return services.rubric_score(rubric=rubric, marks=[{"ticked": t, "awarded": None, "comment": ""} for t in ticks])


def grade_next(reviewer, attempt, *, score=None, overall="Good."):
    item = services.review_next_claim(reviewer=reviewer, question=attempt.question)
    assert item is not None
    if score is None:
        score, criteria = rubric_marks(attempt, [True] * len(selectors.rubric_of(attempt)))
    else:
        criteria = []
    return item, services.review_grade_save(reviewer=reviewer, item_id=item.pk, score=score, overall=overall,
                                            criteria=criteria)


def test_an_automatic_answer_is_the_first_record_of_its_trail(candidate):
    attempt = helpers.answer(candidate, CHOICE, right=True)
    record = attempt.grade_records.get()
    assert (record.source, record.grader, record.score_before, record.score) == (GradeSource.AUTOMATIC, None, None, attempt.score)
    assert attempt.status == AttemptStatus.GRADED


def test_a_graded_submission_has_an_automatic_record_with_the_grader_details(candidate):
    sub = helpers.graded(helpers.submission(candidate, "k-fold"), 0.5)
    record = sub.grade_records.get()
    assert record.source == GradeSource.AUTOMATIC and record.verdict == "wrong_answer" and record.reason == "first grading"
    assert sub.score == record.score


def test_a_record_belongs_to_exactly_one_answer_or_submission(candidate):
    attempt = helpers.answer(candidate, CHOICE, right=True)
    sub = helpers.graded(helpers.submission(candidate, "k-fold"), 1)
    for target in ({"attempt": attempt, "submission": sub}, {}):
        with pytest.raises(IntegrityError), transaction.atomic():
            GradeRecord.objects.create(version=attempt.version, source="reviewer", score=0, max_score=1, reason="x",
                                       **target)


def test_records_are_append_only_and_bounded(candidate):
    attempt = helpers.answer(candidate, CHOICE, right=True)
    record = attempt.grade_records.get()
    with pytest.raises(ValueError):
        record.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        GradeRecord.objects.create(attempt=attempt, version=attempt.version, source="reviewer", score=5, max_score=1, reason="x")
    with pytest.raises(ValidationError):
        services.grade_record_create(attempt=attempt, source=GradeSource.OVERRIDE, score=attempt.max_score + 1, reason="x")


def test_a_free_text_answer_waits_in_its_questions_queue(candidate):
    attempt = helpers.free_text(candidate, FREE)
    item = ReviewItem.objects.get(attempt=attempt)
    assert item.kind == ReviewKind.FREE_TEXT and item.done_at is None and item.question == attempt.question


def test_grading_with_the_rubric_sets_the_grade_feedback_and_progress(candidate, reviewer):
    attempt = helpers.free_text(candidate, FREE)
    assert BestResult.objects.get(candidate=candidate, question=attempt.question).pending_review
    rubric = selectors.rubric_of(attempt)
    score, criteria = services.rubric_score(
        rubric=rubric, marks=[{"ticked": True, "awarded": None, "comment": "ok"}] + [
            {"ticked": False, "awarded": None, "comment": "missing"} for _ in rubric[1:]])
    item = services.review_next_claim(reviewer=reviewer, question=attempt.question)
    record = services.review_grade_save(reviewer=reviewer, item_id=item.pk, score=score, criteria=criteria, overall="Half there.")
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.GRADED and attempt.score == rubric[0]["points"] and attempt.feedback == "Half there."
    assert (record.source, record.grader, record.score_before) == (GradeSource.REVIEWER, reviewer, None)
    assert record.feedback["criteria"][0]["comment"] == "ok"
    best = BestResult.objects.get(candidate=candidate, question=attempt.question)
    assert not best.pending_review and best.best_fraction == pytest.approx(score / attempt.max_score)
    assert ReviewItem.objects.get(pk=item.pk).done_at is not None
    assert Notification.objects.filter(user=candidate).count() == 1 and len(mail.outbox) == 0  # mailed on commit


def test_a_criterion_cannot_get_more_than_its_points(candidate):
    attempt = helpers.free_text(candidate, FREE)
    rubric = selectors.rubric_of(attempt)
    marks = [{"ticked": True, "awarded": rubric[0]["points"] + 1, "comment": ""}] + [{"ticked": False}] * (len(rubric) - 1)
    with pytest.raises(ValidationError, match="worth 0 to"):
        services.rubric_score(rubric=rubric, marks=marks)


def test_grade_next_gives_different_reviewers_different_items_and_keeps_a_claim(candidate, other_candidate, reviewer, second_reviewer):
    a1 = helpers.free_text(candidate, FREE)
    helpers.free_text(other_candidate, FREE)
    first = services.review_next_claim(reviewer=reviewer, question=a1.question)
    again = services.review_next_claim(reviewer=reviewer, question=a1.question)
    other = services.review_next_claim(reviewer=second_reviewer, question=a1.question)
    assert first.pk == again.pk and other.pk != first.pk
    assert services.review_next_claim(reviewer=second_reviewer, question=a1.question).pk == other.pk


def test_the_queue_order_is_stable_and_not_by_arrival(settings, reviewer):
    from tests.conftest import make_account

    question = helpers.question(FREE)
    answers = [helpers.free_text(make_account(f"c{i}"), FREE) for i in range(12)]
    keys = list(ReviewItem.objects.filter(question=question).order_by("order_key").values_list("attempt_id", flat=True))
    assert keys != [a.pk for a in answers]  # 12 items in arrival order by chance: 1 in 479 million
    claimed = services.review_next_claim(reviewer=reviewer, question=question)
    assert claimed.attempt_id == keys[0]


def test_an_expired_claim_is_free_again_and_the_late_saver_is_told(candidate, reviewer, second_reviewer):
    attempt = helpers.free_text(candidate, FREE)
    item = services.review_next_claim(reviewer=reviewer, question=attempt.question)
    assert services.review_next_claim(reviewer=second_reviewer, question=attempt.question) is None
    ReviewItem.objects.filter(pk=item.pk).update(claim_expires_at=timezone.now() - timedelta(seconds=1))
    taken = services.review_next_claim(reviewer=second_reviewer, question=attempt.question)
    assert taken.pk == item.pk
    services.review_grade_save(reviewer=second_reviewer, item_id=item.pk, score=1, overall="ok")
    with pytest.raises(services.ReviewConflict, match="already graded by another reviewer"):
        services.review_grade_save(reviewer=reviewer, item_id=item.pk, score=2, overall="late")
    assert attempt.grade_records.filter(source=GradeSource.REVIEWER).count() == 1


def test_a_live_claim_of_another_reviewer_blocks_a_save(candidate, reviewer, second_reviewer):
    attempt = helpers.free_text(candidate, FREE)
    item = services.review_next_claim(reviewer=reviewer, question=attempt.question)
    with pytest.raises(services.ReviewConflict):
        services.review_grade_save(reviewer=second_reviewer, item_id=item.pk, score=1)
    assert not attempt.grade_records.exists()


def test_a_reviewer_cannot_grade_their_own_answer(reviewer):
    from questions.models import Attempt

    question = helpers.question(FREE)
    own = Attempt.objects.create(candidate=reviewer, question=question, version=question.current_version, answer="x",
                                 status=AttemptStatus.PENDING_REVIEW, max_score=question.current_version.points)
    item = services.free_text_queued(attempt=own)
    assert services.review_next_claim(reviewer=reviewer, question=question) is None
    with pytest.raises(PermissionDenied):
        services.review_item_claim(reviewer=reviewer, item_id=item.pk)


def test_only_reviewers_grade(candidate, other_candidate):
    attempt = helpers.free_text(candidate, FREE)
    with pytest.raises(PermissionDenied):
        services.review_next_claim(reviewer=other_candidate, question=attempt.question)


def test_a_second_grade_is_blind_recorded_apart_and_a_disagreement_goes_to_a_lead(
    settings, candidate, reviewer, second_reviewer, lead_reviewer
):
    settings.REVIEW_SECOND_GRADE_SHARE = 1.0
    settings.REVIEW_DISAGREEMENT_POINTS = 1
    attempt = helpers.free_text(candidate, FREE)
    top = attempt.max_score
    grade_next(reviewer, attempt, score=top)
    second = ReviewItem.objects.get(attempt=attempt, kind=ReviewKind.SECOND_GRADE)
    assert services.review_next_claim(reviewer=reviewer, question=attempt.question) is None  # not the first reviewer
    assert services.review_next_claim(reviewer=second_reviewer, question=attempt.question).pk == second.pk
    services.review_grade_save(reviewer=second_reviewer, item_id=second.pk, score=0, overall="weak")
    attempt.refresh_from_db()
    assert attempt.score == top  # the second grade does not change the candidate's grade
    lead_item = ReviewItem.objects.get(attempt=attempt, kind=ReviewKind.LEAD)
    assert services.review_next_claim(reviewer=second_reviewer, question=attempt.question) is None  # leads only
    assert services.review_next_claim(reviewer=lead_reviewer, question=attempt.question).pk == lead_item.pk
    services.review_grade_save(reviewer=lead_reviewer, item_id=lead_item.pk, score=1, overall="settled")
    attempt.refresh_from_db()
    assert attempt.score == 1
    assert [r.source for r in selectors.grade_trail(attempt)] == ["reviewer", "second", "lead"]
    figures = selectors.dashboard()
    ((_, agr),) = figures.questions
    assert agr.pairs == 1 and agr.exact == 0 and agr.kappa is not None


def test_a_lead_who_gave_one_of_the_two_grades_does_not_settle_the_disagreement(
    settings, candidate, reviewer, lead_reviewer, second_reviewer
):
    settings.REVIEW_SECOND_GRADE_SHARE = 1.0
    settings.REVIEW_DISAGREEMENT_POINTS = 1
    for first_grader, second_grader in ((reviewer, lead_reviewer), (lead_reviewer, reviewer)):
        attempt = helpers.free_text(candidate, FREE)
        grade_next(first_grader, attempt, score=attempt.max_score)
        grade_next(second_grader, attempt, score=0)
        lead_item = ReviewItem.objects.get(attempt=attempt, kind=ReviewKind.LEAD)
        assert services.review_next_claim(reviewer=lead_reviewer, question=attempt.question) is None
        lead_item.claimed_by, lead_item.claim_expires_at = lead_reviewer, timezone.now() + timedelta(minutes=5)
        lead_item.save()  # even holding it (taken by id), the lead cannot save a grade
        with pytest.raises(PermissionDenied, match="third reviewer"):
            services.review_grade_save(reviewer=lead_reviewer, item_id=lead_item.pk, score=0, overall="mine wins")
        ReviewItem.objects.filter(pk=lead_item.pk).update(claimed_by=None, claim_expires_at=None)
    third = make_account("lead3", Role.REVIEWER)
    third.groups.add(lead_reviewer.groups.get())
    assert services.review_next_claim(reviewer=third, question=attempt.question) is not None


def test_close_grades_need_no_lead(settings, candidate, reviewer, second_reviewer):
    settings.REVIEW_SECOND_GRADE_SHARE = 1.0
    settings.REVIEW_DISAGREEMENT_POINTS = 1
    attempt = helpers.free_text(candidate, FREE)
    grade_next(reviewer, attempt, score=2)
    grade_next(second_reviewer, attempt, score=3)
    assert not ReviewItem.objects.filter(kind=ReviewKind.LEAD).exists()


def test_the_second_grade_share_is_deterministic_and_near_the_setting(settings, candidate):
    from questions.models import Attempt

    settings.REVIEW_SECOND_GRADE_SHARE = 0.10
    drawn = [services.second_grade_drawn(attempt=Attempt(pk=i)) for i in range(1, 2001)]
    assert drawn == [services.second_grade_drawn(attempt=Attempt(pk=i)) for i in range(1, 2001)]
    assert 0.07 < sum(drawn) / len(drawn) < 0.13
    settings.REVIEW_SECOND_GRADE_SHARE = 0
    assert not any(services.second_grade_drawn(attempt=Attempt(pk=i)) for i in range(1, 200))


def test_an_override_keeps_the_automatic_grade_and_moves_progress(candidate, reviewer):
    sub = helpers.graded(helpers.submission(candidate, "k-fold"), 1)
    assert BestResult.objects.get(candidate=candidate, question=sub.question).best_fraction == 1
    with pytest.raises(ValidationError, match="reason"):
        services.grade_override(reviewer=reviewer, submission=sub, score=0, reason=" ")
    services.grade_override(reviewer=reviewer, submission=sub, score=sub.max_score / 2, reason="hard-coded the cases")
    sub.refresh_from_db()
    assert sub.score == sub.max_score / 2 and sub.verdict == "accepted"
    trail = list(selectors.grade_trail(sub))
    assert [(r.source, r.score_before, r.score) for r in trail] == [
        ("automatic", None, sub.max_score), ("override", sub.max_score, sub.max_score / 2)]
    assert trail[1].grader == reviewer and trail[1].reason == "hard-coded the cases"
    assert BestResult.objects.get(candidate=candidate, question=sub.question).best_fraction == 0.5


def test_an_override_of_a_choice_answer(candidate, reviewer):
    attempt = helpers.answer(candidate, CHOICE, right=False)
    services.grade_override(reviewer=reviewer, attempt=attempt, score=attempt.max_score, reason="ambiguous option")
    attempt.refresh_from_db()
    assert attempt.score == attempt.max_score


def test_free_text_is_not_overridden_and_example_runs_are_not_graded(candidate, reviewer):
    from grader.models import SubmissionKind

    attempt = helpers.free_text(candidate, FREE)
    with pytest.raises(ValidationError):
        services.grade_override(reviewer=reviewer, attempt=attempt, score=0, reason="x")
    run = helpers.graded(helpers.submission(candidate, "k-fold", kind=SubmissionKind.EXAMPLES), 1)
    with pytest.raises(ValidationError):
        services.grade_override(reviewer=reviewer, submission=run, score=0, reason="x")


def test_an_appeal_enters_the_queue_and_its_outcome_reaches_the_candidate(candidate, reviewer, django_capture_on_commit_callbacks):
    attempt = helpers.answer(candidate, CHOICE, right=False)
    appeal = services.appeal_create(candidate=candidate, attempt=attempt, reason="Option B is also right")
    item = ReviewItem.objects.get(kind=ReviewKind.APPEAL, appeal=appeal)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_next_claim(reviewer=reviewer, question=attempt.question)
        services.review_grade_save(reviewer=reviewer, item_id=item.pk, score=attempt.max_score, overall="You are right.")
    appeal.refresh_from_db()
    assert (appeal.status, appeal.score_before, appeal.score_after, appeal.reply) == (
        AppealStatus.CHANGED, 0, attempt.max_score, "You are right.")
    note = Notification.objects.get(user=candidate)
    assert "changed your grade" in note.text and note.url == f"/attempts/{attempt.pk}/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [candidate.email] and reviewer.email not in mail.outbox[0].body
    assert f"http://127.0.0.1:8000/attempts/{attempt.pk}/" in mail.outbox[0].body
    assert attempt.grade_records.order_by("-id").first().source == GradeSource.APPEAL


def test_one_open_appeal_per_item_and_a_daily_limit(settings, candidate):
    settings.REVIEW_APPEALS_PER_DAY = 2
    a1 = helpers.answer(candidate, CHOICE, right=False)
    services.appeal_create(candidate=candidate, attempt=a1, reason="please")
    with pytest.raises(ValidationError, match="already asked"):
        services.appeal_create(candidate=candidate, attempt=a1, reason="again")
    a2 = helpers.answer(candidate, CHOICE, right=False)
    services.appeal_create(candidate=candidate, attempt=a2, reason="please")
    a3 = helpers.answer(candidate, CHOICE, right=False)
    with pytest.raises(ValidationError, match="2 reviews a day"):
        services.appeal_create(candidate=candidate, attempt=a3, reason="please")
    Appeal.objects.update(created_at=timezone.now() - timedelta(days=1, seconds=1))
    services.appeal_create(candidate=candidate, attempt=a3, reason="next day")


def test_only_the_owner_appeals_graded_work(candidate, other_candidate):
    attempt = helpers.answer(candidate, CHOICE, right=False)
    with pytest.raises(PermissionDenied):
        services.appeal_create(candidate=other_candidate, attempt=attempt, reason="x")
    waiting = helpers.free_text(candidate, FREE)
    with pytest.raises(ValidationError, match="not graded yet"):
        services.appeal_create(candidate=candidate, attempt=waiting, reason="x")
    with pytest.raises(ValidationError, match="Say what"):
        services.appeal_create(candidate=candidate, attempt=attempt, reason="  ")


def test_agreement_handles_degenerate_cases_without_nan():
    assert selectors.agreement([]).kappa is None
    same = selectors.agreement([(2, 2), (2, 2)], points=4)
    assert same.exact == 1 and same.kappa is None
    perfect = selectors.agreement([(0, 0), (4, 4), (2, 2)], points=4)
    assert perfect.kappa == pytest.approx(1.0)
    close = selectors.agreement([(0, 1), (4, 4), (2, 2), (3, 1)], points=4)
    assert 0 < close.kappa < 1 and close.exact == 0.5


def test_the_dashboard_counts_waiting_oldest_median_and_per_reviewer(candidate, other_candidate, reviewer, settings):
    # No second grade drawn (the draw hashes the answer's id, which depends on the tests run before).
    settings.REVIEW_SECOND_GRADE_SHARE = 0
    a1 = helpers.free_text(candidate, FREE)
    helpers.free_text(other_candidate, FREE)
    ReviewItem.objects.filter(attempt=a1).update(created_at=timezone.now() - timedelta(hours=2))
    item = services.review_item_claim(reviewer=reviewer, item_id=ReviewItem.objects.get(attempt=a1).pk)
    services.review_grade_save(reviewer=reviewer, item_id=item.pk, score=1)
    figures = selectors.dashboard()
    assert figures.waiting == 1 and figures.oldest_wait < timedelta(minutes=5)
    assert timedelta(hours=2) <= figures.median_to_grade < timedelta(hours=2, minutes=5)
    assert [(name, n) for name, n, _ in figures.reviewers] == [(reviewer.username, 1)]


def test_the_demo_has_a_live_queue_with_an_appeal(settings, reviewer):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # idempotent
    kinds = sorted(ReviewItem.objects.filter(done_at__isnull=True).values_list("kind", flat=True))
    assert kinds == ["appeal", "free_text", "free_text", "free_text"]
    rows = selectors.queue_summary(reviewer=reviewer)
    assert sum(r.available for r in rows) == 4
