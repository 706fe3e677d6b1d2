"""Writes for grading by people and the trail of every grade: the queue and its claims, rubric grades,
overrides, appeals, second grades and lead reviews, notifications.

grade_record_create() is the one way a grade changes: it appends the record, copies the current grade onto
the answer or submission and updates the candidate's progress, in one transaction.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from accounts.models import User
from grader.models import Submission, SubmissionKind, SubmissionStatus
from profiles.services import progress_update
from questions.models import AUTO_GRADED_TYPES, Attempt, AttemptStatus
from reviews import selectors
from reviews.models import (
    Appeal,
    AppealStatus,
    GradeRecord,
    GradeSource,
    Notification,
    ReviewItem,
    ReviewKind,
)


class ReviewConflict(ValidationError):
    """Someone else got there first (the item was graded, or is claimed by another reviewer)."""


# ---------------------------------------------------------------------------------------------------------------
# The trail


@transaction.atomic(savepoint=False)
def grade_record_create(
    *,
    attempt: Attempt | None = None,
    submission: Submission | None = None,
    source: str,
    score: float,
    reason: str,
    grader: User | None = None,
    feedback: dict | None = None,
    details: dict | None = None,
    verdict: str | None = None,
    passed: int | None = None,
    total: int | None = None,
    max_score: float | None = None,
    version=None,
    applied: bool = True,
    also_save: tuple[str, ...] = (),
) -> GradeRecord:
    """Append a grade to the trail of one answer or submission and, unless `applied` is False (a second
    reviewer's blind grade), make it the current grade and update the candidate's progress, all in one
    transaction.

    The caller holds the row lock of the answer or submission when grades may race. `verdict`, `passed`,
    `total`, `version` and `max_score` default to the current ones (a person's grade keeps the verdict and the
    version graded against). `also_save` names further fields the caller set on the submission, saved in the
    same UPDATE (the grader's status, timestamps and lease).
    """
    if (attempt is None) == (submission is None):
        raise ValueError("A grade belongs to exactly one answer or one submission.")
    target = attempt if attempt is not None else submission
    max_score = float(target.max_score if max_score is None else max_score)
    score = float(score)
    if not 0 <= score <= max_score:
        raise ValidationError(f"The score must be between 0 and {max_score:g}.")
    record = GradeRecord.objects.create(
        attempt=attempt,
        submission=submission,
        version=version or target.version,
        source=source,
        grader=grader,
        applied=applied,
        score_before=target.score,
        score=score,
        max_score=max_score,
        reason=reason[:500],
        verdict=(verdict if verdict is not None else getattr(target, "verdict", "")) or "",
        passed=passed if passed is not None else getattr(target, "passed", 0),
        total=total if total is not None else getattr(target, "total", 0),
        feedback=feedback or {},
        details=details or {},
    )
    if not applied:
        return record
    target.score = score
    target.max_score = max_score
    target.version = record.version
    if attempt is not None:
        attempt.status = AttemptStatus.GRADED
        if source != GradeSource.AUTOMATIC:
            attempt.feedback = (feedback or {}).get("overall") or "Graded by a reviewer."
        attempt.save(update_fields=["status", "score", "max_score", "version", "feedback"])
        progress_update(candidate=attempt.candidate, question=attempt.question)
    else:
        submission.status = SubmissionStatus.GRADED
        submission.verdict = record.verdict
        submission.passed = record.passed
        submission.total = record.total
        fields = ["version", "status", "verdict", "score", "max_score", "passed", "total"]
        if source == GradeSource.AUTOMATIC:
            submission.feedback = feedback or {}
            fields.append("feedback")
        submission.save(update_fields=fields + [f for f in also_save if f not in fields])
        if submission.kind == SubmissionKind.SUBMIT:  # example runs never count for progress
            # Its first grade adds a result and changes none: progress follows from the stored best and it.
            added = (score / max_score, submission.created_at) if record.score_before is None else None
            progress_update(candidate=submission.candidate, question=submission.question, added=added)
    return record


# ---------------------------------------------------------------------------------------------------------------
# The queue


def _order_key(seed: str) -> str:
    """A stable random position: a keyed hash, so the order cannot be predicted or gamed from ids."""
    return hmac.new(settings.SECRET_KEY.encode(), f"review-order:{seed}".encode(), hashlib.sha256).hexdigest()


def second_grade_drawn(*, attempt: Attempt) -> bool:
    """Whether this free-text answer gets a second, independent grade: a deterministic draw of
    REVIEW_SECOND_GRADE_SHARE of answers (a keyed hash of the answer's id)."""
    share = float(settings.REVIEW_SECOND_GRADE_SHARE)
    if share <= 0:
        return False
    draw = int(_order_key(f"second:{attempt.pk}")[:8], 16) / 0xFFFFFFFF
    return draw < share


@transaction.atomic
def review_item_create(
    *, kind: str, attempt: Attempt | None = None, submission: Submission | None = None, appeal: Appeal | None = None,
    created_by: User | None = None, excluded_reviewer: User | None = None, note: str = "",
) -> ReviewItem:
    """Queue an answer or a submission for a person, under its question. An open item of the same kind for
    the same answer or submission is returned instead of a second one."""
    target = attempt if attempt is not None else submission
    existing = ReviewItem.objects.filter(kind=kind, attempt=attempt, submission=submission, done_at__isnull=True).first()
    if existing is not None:
        return existing
    item = ReviewItem.objects.create(
        kind=kind, question_id=target.question_id, attempt=attempt, submission=submission, appeal=appeal,
        created_by=created_by, excluded_reviewer=excluded_reviewer, note=note[:500],
        order_key=_order_key(f"{kind}:{secrets.token_hex(8)}"),
        wants_second_grade=kind == ReviewKind.FREE_TEXT and second_grade_drawn(attempt=attempt),
    )
    return item


def _check_reviewer(reviewer: User) -> None:
    if not selectors.may_review(user=reviewer):
        raise PermissionDenied("Only reviewers grade answers.")


def _claim_length() -> timedelta:
    return timedelta(minutes=settings.REVIEW_CLAIM_MINUTES)


@transaction.atomic
def review_next_claim(*, reviewer: User, question) -> ReviewItem | None:
    """Claim the next item of this question's queue for the reviewer, in the queue's stable random order, and
    return it; None when nothing is waiting for them.

    An item the reviewer already holds comes first. Others' live claims, their own answers and items they may
    not take (a second grade of their own grade, a lead review without being a lead) are skipped. On
    PostgreSQL the row is taken with SKIP LOCKED, so reviewers pressing "grade next" at once get different items.
    """
    _check_reviewer(reviewer)
    now = timezone.now()
    held = selectors.review_items_open().filter(question=question, claimed_by=reviewer, claim_expires_at__gt=now).first()
    if held is not None:
        return held
    candidates = selectors.review_items_available(reviewer=reviewer, now=now).filter(question=question)
    if connection.vendor == "postgresql":
        candidates = candidates.select_for_update(skip_locked=True, of=("self",))
    else:
        candidates = candidates.select_for_update()
    item = candidates.order_by("order_key", "id").first()
    if item is None:
        return None
    item.claimed_by, item.claimed_at, item.claim_expires_at = reviewer, now, now + _claim_length()
    item.save(update_fields=["claimed_by", "claimed_at", "claim_expires_at"])
    return item


@transaction.atomic
def review_item_claim(*, reviewer: User, item_id: int) -> ReviewItem:
    """Claim one given item (opened from a list). Raises ReviewConflict when it is done or another reviewer's
    claim on it is still live, PermissionDenied when this reviewer may not grade it."""
    _check_reviewer(reviewer)
    item = ReviewItem.objects.select_for_update(of=("self",)).select_related("attempt", "submission").filter(pk=item_id).first()
    if item is None:
        raise ReviewConflict("That item is no longer in the queue.")
    _check_may_grade(item, reviewer)
    now = timezone.now()
    if item.claimed_by_id not in (None, reviewer.pk) and item.claim_expires_at and item.claim_expires_at > now:
        raise ReviewConflict("Another reviewer is grading this item now.")
    item.claimed_by, item.claimed_at, item.claim_expires_at = reviewer, now, now + _claim_length()
    item.save(update_fields=["claimed_by", "claimed_at", "claim_expires_at"])
    return item


@transaction.atomic
def review_item_release(*, reviewer: User, item_id: int) -> None:
    """Give a claimed item back to the queue (the reviewer skips it)."""
    ReviewItem.objects.filter(pk=item_id, claimed_by=reviewer, done_at__isnull=True).update(
        claimed_by=None, claimed_at=None, claim_expires_at=None
    )


ALREADY_GRADED = "This item was already graded by another reviewer. Nothing was saved; take the next one."


def review_claim_problem(*, item: ReviewItem, reviewer: User, now=None) -> str | None:
    """Why this reviewer may not grade this item now, or None. Only from their own claim (even one that ran
    out, as long as no one took the item since): items come in the queue's keyed order, so that no reviewer
    picks which candidate or which appeal they grade."""
    if item.done_at is not None:
        return "You graded this item already." if item.done_by_id == reviewer.pk else ALREADY_GRADED
    if item.claimed_by_id == reviewer.pk:
        return None
    if item.claimed_by_id is None:
        return "This item is not claimed by you; your grade was not saved. Take it from the queue with “Grade next”."
    if item.claim_expires_at > (now or timezone.now()):
        return "Another reviewer holds this item now; your grade was not saved."
    return "Another reviewer took this item after your claim ran out; your grade was not saved."


def _check_may_grade(item: ReviewItem, reviewer: User) -> None:
    if item.done_at is not None:
        raise ReviewConflict(ALREADY_GRADED)
    if item.target.candidate_id == reviewer.pk:
        raise PermissionDenied("You cannot grade your own answers.")
    if item.excluded_reviewer_id == reviewer.pk:
        raise PermissionDenied("A second grade must come from a different reviewer.")
    if item.kind == ReviewKind.LEAD and not selectors.is_lead_reviewer(user=reviewer):
        raise PermissionDenied("Only lead reviewers settle disagreements.")
    if item.kind == ReviewKind.LEAD and selectors.took_part_in_disagreement(reviewer=reviewer, item=item):
        raise PermissionDenied("A disagreement is settled by a third reviewer: you gave one of its two grades.")


def rubric_score(*, rubric: list[dict], marks: list[dict]) -> tuple[float, list[dict]]:
    """The score of a rubric grading and its per-criterion record. `marks` has one entry per rubric
    criterion, in order: {"ticked": bool, "awarded": float | None, "comment": str}; a ticked criterion without
    an adjusted figure earns its full points. Each criterion's points bound its award."""
    if len(marks) != len(rubric):
        raise ValidationError("Mark every criterion of the rubric.")
    criteria, total = [], 0.0
    for item, mark in zip(rubric, marks):
        awarded = mark.get("awarded")
        if awarded is None:
            awarded = float(item["points"]) if mark.get("ticked") else 0.0
        awarded = float(awarded)
        if not 0 <= awarded <= item["points"]:
            raise ValidationError(f"“{item['criterion']}” is worth 0 to {item['points']} points; you gave {awarded:g}.")
        criteria.append({"criterion": item["criterion"], "points": item["points"], "ticked": bool(mark.get("ticked")),
                         "awarded": awarded, "comment": (mark.get("comment") or "").strip()[:2000]})
        total += awarded
    return round(total, 4), criteria


@transaction.atomic
def review_grade_save(
    *, reviewer: User, item_id: int, score: float, overall: str = "", criteria: list[dict] | None = None,
    reason: str = "",
) -> GradeRecord:
    """Save a reviewer's grade of a claimed queue item and close the item.

    Re-checks the claim under a row lock: only the reviewer who claimed the item may save it, and when it was
    graded meanwhile (a claim ran out and another reviewer saved it) this raises ReviewConflict and writes
    nothing, so no grade is double-counted. What the grade does depends on the item: a free-text or re-check grade becomes the grade (and may queue a second,
    blind grade); a second grade is only recorded, and a disagreement beyond REVIEW_DISAGREEMENT_POINTS
    queues a lead review; a lead's grade stands; an appeal's grade decides the appeal and tells the candidate.
    """
    _check_reviewer(reviewer)
    item = ReviewItem.objects.select_for_update(of=("self",)).filter(pk=item_id).first()
    if item is None:
        raise ReviewConflict("That item is no longer in the queue.")
    now = timezone.now()
    if (problem := review_claim_problem(item=item, reviewer=reviewer, now=now)) is not None:
        raise ReviewConflict(problem)
    # Lock the answer or submission too: an override or the grader must not interleave with this grade.
    if item.attempt_id:
        target = Attempt.objects.select_for_update(of=("self",)).select_related("candidate", "question", "version").get(pk=item.attempt_id)
        item.attempt = target
    else:
        target = Submission.objects.select_for_update(of=("self",)).select_related("candidate", "question", "version").get(pk=item.submission_id)
        item.submission = target
    _check_may_grade(item, reviewer)
    overall = (overall or "").strip()[:4000]
    feedback = {"overall": overall, "criteria": criteria or []}
    source = {
        ReviewKind.FREE_TEXT: GradeSource.REVIEWER,
        ReviewKind.RECHECK: GradeSource.REVIEWER,
        ReviewKind.SECOND_GRADE: GradeSource.SECOND,
        ReviewKind.LEAD: GradeSource.LEAD,
        ReviewKind.APPEAL: GradeSource.APPEAL,
    }[item.kind]
    if item.kind in (ReviewKind.APPEAL, ReviewKind.RECHECK) and not (reason or overall):
        raise ValidationError("Say why, in the overall comment (the candidate reads it) or the reason (kept in the trail).")
    default_reason = {
        ReviewKind.FREE_TEXT: "graded with the rubric",
        ReviewKind.RECHECK: f"re-check: {item.note}" if item.note else "re-check",
        ReviewKind.SECOND_GRADE: "second, blind grade (agreement check)",
        ReviewKind.LEAD: "lead reviewer settled a disagreement",
        ReviewKind.APPEAL: "appeal reviewed",
    }[item.kind]
    record = grade_record_create(
        attempt=item.attempt, submission=item.submission, source=source, grader=reviewer, score=score,
        reason=(reason or default_reason).strip(), feedback=feedback, applied=item.kind != ReviewKind.SECOND_GRADE,
    )
    item.done_at, item.done_by, item.record = now, reviewer, record
    item.claimed_by, item.claim_expires_at = None, None
    item.save(update_fields=["done_at", "done_by", "record", "claimed_by", "claim_expires_at"])
    if item.kind == ReviewKind.FREE_TEXT and item.wants_second_grade:
        review_item_create(kind=ReviewKind.SECOND_GRADE, attempt=item.attempt, excluded_reviewer=reviewer)
    elif item.kind == ReviewKind.SECOND_GRADE:
        first = selectors.first_reviewer_grade(attempt=item.attempt)
        if first is not None and abs(first.score - record.score) > float(settings.REVIEW_DISAGREEMENT_POINTS):
            review_item_create(kind=ReviewKind.LEAD, attempt=item.attempt,
                               note=f"first grade {first.score:g}, second grade {record.score:g}")
    elif item.kind == ReviewKind.APPEAL and item.appeal_id:
        _appeal_decide(appeal_id=item.appeal_id, record=record, reply=overall or reason)
    if item.kind in (ReviewKind.FREE_TEXT, ReviewKind.LEAD, ReviewKind.RECHECK) and record.score != record.score_before:
        notification_send(user=target.candidate, text=f"A reviewer graded your answer to “{target.version.title}”.",
                          url=selectors.result_url(target))
    return record


@transaction.atomic
def recheck_request(*, reviewer: User, attempt: Attempt | None = None, submission: Submission | None = None,
                    note: str = "") -> ReviewItem:
    """A reviewer puts a graded answer or submission back in the queue for a second look."""
    _check_reviewer(reviewer)
    target = attempt if attempt is not None else submission
    if target.candidate_id == reviewer.pk:
        raise PermissionDenied("You cannot review your own answers.")
    if target.score is None:
        raise ValidationError("Only graded work can be re-checked.")
    if ReviewItem.objects.filter(kind=ReviewKind.RECHECK, attempt=attempt, submission=submission, done_at__isnull=True).exists():
        raise ValidationError("It is already queued for a re-check.")
    return review_item_create(kind=ReviewKind.RECHECK, attempt=attempt, submission=submission, created_by=reviewer, note=note)


# ---------------------------------------------------------------------------------------------------------------
# Overrides


@transaction.atomic
def grade_override(*, reviewer: User, score: float, reason: str, comment: str = "", attempt: Attempt | None = None,
                   submission: Submission | None = None) -> GradeRecord:
    """Replace an automatic grade (a code verdict's score, a choice or numeric answer) with a reviewer's, for a
    stated reason. The automatic grade stays in the trail; progress follows in the same transaction."""
    _check_reviewer(reviewer)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Give a reason for the override: it is kept in the trail.")
    if attempt is not None:
        target = Attempt.objects.select_for_update(of=("self",)).select_related("candidate", "question", "version").get(pk=attempt.pk)
        if target.version.type not in AUTO_GRADED_TYPES:
            raise ValidationError("Free-text answers are graded with the rubric, not overridden.")
        kwargs = {"attempt": target}
    else:
        target = Submission.objects.select_for_update(of=("self",)).select_related("candidate", "question", "version").get(pk=submission.pk)
        if target.kind != SubmissionKind.SUBMIT:
            raise ValidationError("Example runs are not graded.")
        kwargs = {"submission": target}
    if target.candidate_id == reviewer.pk:
        raise PermissionDenied("You cannot grade your own answers.")
    if target.score is None or target.status != "graded":
        raise ValidationError("Only a graded answer or submission can be overridden.")
    record = grade_record_create(**kwargs, source=GradeSource.OVERRIDE, grader=reviewer, score=score, reason=reason,
                                 feedback={"overall": (comment or "").strip()[:4000], "criteria": []})
    if record.score != record.score_before:  # (an override to the same score changes nothing the candidate sees)
        notification_send(user=target.candidate, text=f"A reviewer changed the grade of your work on “{target.version.title}”.",
                          url=selectors.result_url(target))
    return record


# ---------------------------------------------------------------------------------------------------------------
# Appeals


def check_appeal_allowed(*, candidate: User, target) -> None:
    """Raise ValidationError, with a message for the candidate, unless they may appeal this grade now."""
    if target.candidate_id != candidate.pk:
        raise PermissionDenied("You can only appeal your own grades.")
    if getattr(target, "kind", SubmissionKind.SUBMIT) != SubmissionKind.SUBMIT:
        raise ValidationError("Example runs are not graded, so there is nothing to appeal.")
    if target.score is None or target.status != "graded":
        raise ValidationError("This is not graded yet: you can ask for a review once it has a grade.")
    if target.appeals.filter(status=AppealStatus.OPEN).exists():
        raise ValidationError("You already asked for a review of this; a reviewer will answer it.")
    since = timezone.now() - timedelta(days=1)
    limit = settings.REVIEW_APPEALS_PER_DAY
    if Appeal.objects.filter(candidate=candidate, created_at__gte=since).count() >= limit:
        raise ValidationError(f"You can ask for {limit} review{'' if limit == 1 else 's'} a day. Try again tomorrow.")


@transaction.atomic
def appeal_create(*, candidate: User, reason: str, attempt: Attempt | None = None,
                  submission: Submission | None = None) -> Appeal:
    """A candidate asks for a human review of a graded answer or submission, with a reason; the appeal joins
    the queue of its question. One open appeal per item and REVIEW_APPEALS_PER_DAY a day."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Say what you think is wrong with the grade.")
    if len(reason) > 2000:
        raise ValidationError("Keep the reason under 2,000 characters.")
    # One candidate's appeals take turns, so a double click cannot pass the checks twice.
    User.objects.select_for_update().filter(pk=candidate.pk).exists()
    target = attempt if attempt is not None else submission
    check_appeal_allowed(candidate=candidate, target=target)
    try:
        with transaction.atomic():
            appeal = Appeal.objects.create(candidate=candidate, attempt=attempt, submission=submission, reason=reason,
                                           score_before=target.score)
    except IntegrityError:
        raise ValidationError("You already asked for a review of this; a reviewer will answer it.") from None
    review_item_create(kind=ReviewKind.APPEAL, attempt=attempt, submission=submission, appeal=appeal, note=reason[:500])
    return appeal


def _appeal_decide(*, appeal_id: int, record: GradeRecord, reply: str) -> Appeal:
    appeal = Appeal.objects.select_for_update().select_related("candidate").get(pk=appeal_id)
    appeal.status = AppealStatus.CHANGED if record.score != record.score_before else AppealStatus.KEPT
    appeal.score_after = record.score
    appeal.reply = reply
    appeal.decided_at = timezone.now()
    appeal.save(update_fields=["status", "score_after", "reply", "decided_at"])
    target = record.attempt or record.submission
    outcome = "changed your grade" if appeal.status == AppealStatus.CHANGED else "kept your grade"
    notification_send(user=appeal.candidate, text=f"Your appeal on “{target.version.title}” was reviewed: the reviewer {outcome}.",
                      url=selectors.result_url(target))
    return appeal


# ---------------------------------------------------------------------------------------------------------------
# Notifications


def notification_send(*, user: User, text: str, url: str = "") -> Notification:
    """Tell a user something in the app, and by e-mail once the transaction commits."""
    note = Notification.objects.create(user=user, text=text[:500], url=url)
    if user.email:
        body = text + (f"\n\nOpen it: {settings.SITE_URL}{url}" if url else "")
        transaction.on_commit(lambda: send_mail(f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{text[:80]}", body,
                                                settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=True))
    return note


def notifications_mark_read(*, user: User, notification_id: int | None = None) -> int:
    """Mark the user's notifications read: all of them (they asked), or the one they opened. Returns how many
    were unread. Someone else's notification is never touched."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    return unread.update(read_at=timezone.now())


def free_text_queued(*, attempt: Attempt) -> ReviewItem:
    """A free-text answer waits for a reviewer: queue it."""
    return review_item_create(kind=ReviewKind.FREE_TEXT, attempt=attempt)



def demo_reviews_ensure(*, candidate: User) -> int:
    """Give the demo a live review queue (once): the demo candidate's answers to a few free-text questions,
    waiting for a reviewer, and an appeal of one of their automatically graded answers. Returns how many
    answers and appeals it made."""
    from questions.models import Question, QuestionType
    from questions.services import answer_submit

    if Appeal.objects.filter(candidate=candidate).exists() or candidate.attempts.filter(version__type=QuestionType.FREE_TEXT).exists():
        return 0
    made = 0
    free_text = Question.objects.filter(retired=False, current_version__type=QuestionType.FREE_TEXT).order_by("stage__position", "slug")
    for question in free_text[:3]:
        answer_submit(candidate=candidate, question=question, raw_answer=(
            "I would hold out a test set that is never used for tuning, tune on cross-validation folds of the training "
            "data only, and report the test score once at the end, with a confidence interval."
        ))
        made += 1
    graded = candidate.attempts.filter(status=AttemptStatus.GRADED).order_by("created_at").first()
    if graded is not None:
        appeal_create(candidate=candidate, attempt=graded, reason="I think my answer is also correct: please take another look.")
        made += 1
    return made
