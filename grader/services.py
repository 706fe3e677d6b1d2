"""Writes for code submissions: submit(), grade(), regrade(), the stuck-submission sweep.

Protocol (DESIGN.md): submit() stores an immutable submission as queued and enqueues its id after commit;
a worker calls grade(), which is idempotent; the sandbox run happens outside any transaction, and the result
is written once, under a row lock, by whichever run finishes first.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from grader import judging
from grader.models import Submission, SubmissionGrade, SubmissionKind, SubmissionStatus, Verdict
from grader.sandbox.launcher import SandboxUnavailable
from profiles.services import progress_update
from questions.bank_format import BankError, load_bank
from questions.models import CODE_TYPES, Question, QuestionVersion

log = logging.getLogger(__name__)

MAX_CODE_BYTES = 64 * 1024
MAX_OPEN_SUBMISSIONS = 5  # per candidate: queued or running at once
# A submission queued or running longer than this is assumed lost (worker gone) and requeued by the sweep.
STUCK_AFTER = timedelta(minutes=3)
MAX_TRIES = 5


class GraderFault(Exception):
    """Our side failed (no sandbox, a broken task, the database): retried, never the candidate's fault."""


def check_submission_allowed(*, candidate: User, question: Question, code: str) -> None:
    """Raise ValidationError (with a message for the candidate) unless this code may be submitted now."""
    if not candidate.is_candidate:
        raise ValidationError("Only candidate accounts submit code.")
    if question.retired or question.current_version is None or question.current_version.type not in CODE_TYPES:
        raise ValidationError("This is not a code task in the bank.")
    if not code.strip():
        raise ValidationError("Write some code before submitting.")
    if len(code.encode()) > MAX_CODE_BYTES:
        raise ValidationError(f"Code is limited to {MAX_CODE_BYTES // 1024} KB.")
    open_count = Submission.objects.filter(
        candidate=candidate, status__in=[SubmissionStatus.QUEUED, SubmissionStatus.RUNNING]
    ).count()
    if open_count >= MAX_OPEN_SUBMISSIONS:
        raise ValidationError("You have several submissions still being graded. Wait for their results first.")


@transaction.atomic
def submit(*, candidate: User, question: Question, code: str, kind: str = SubmissionKind.SUBMIT) -> Submission:
    """Store a submission against the question's current version and queue it for grading after commit."""
    check_submission_allowed(candidate=candidate, question=question, code=code)
    if kind not in SubmissionKind.values:
        raise ValidationError("Choose Run examples or Submit.")
    submission = Submission.objects.create(
        candidate=candidate,
        question=question,
        version=question.current_version,
        kind=kind,
        code=code,
        max_score=float(question.current_version.points),
    )
    enqueue(submission.pk)
    return submission


def enqueue(submission_id: int) -> None:
    """Queue grading once the current transaction commits, so the worker always finds the row."""
    from grader.tasks import grade_submission

    transaction.on_commit(lambda: grade_submission.delay(submission_id))


def _judge(version: QuestionVersion, code: str, kind: str) -> judging.Judgement:
    which = judging.EXAMPLES if kind == SubmissionKind.EXAMPLES else judging.HIDDEN
    try:
        return judging.run_task(
            version.type, version.spec, code, which=which, seed=judging.hidden_seed(version.content_hash),
            points=float(version.points),
        )
    except SandboxUnavailable as exc:
        raise GraderFault(f"sandbox unavailable: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - a fault in a task's trusted files or in our code
        log.exception("grading failed on our side")
        raise GraderFault(f"{type(exc).__name__}: {exc}") from exc


def grade(*, submission_id: int) -> Submission | None:
    """Grade a queued submission. Idempotent: a submission already graded (or given up on) is left as it is.

    Raises GraderFault when our side fails; the caller retries.
    """
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
        if submission is None or submission.is_done:
            return submission
        submission.status = SubmissionStatus.RUNNING
        submission.started_at = timezone.now()
        submission.tries += 1
        submission.save(update_fields=["status", "started_at", "tries"])
    judgement = _judge(submission.version, submission.code, submission.kind)
    return _record(submission_id=submission_id, version=submission.version, judgement=judgement, reason="first grading")


@transaction.atomic
def _record(*, submission_id: int, version: QuestionVersion, judgement: judging.Judgement, reason: str,
            regrade: bool = False) -> Submission | None:
    submission = Submission.objects.select_for_update().get(pk=submission_id)
    if submission.status == SubmissionStatus.GRADED and not regrade:
        return submission  # another run of the same job finished first: one grade per submission
    SubmissionGrade.objects.create(
        submission=submission,
        version=version,
        verdict=judgement.verdict,
        score=judgement.score,
        max_score=judgement.max_score,
        passed=judgement.passed,
        total=judgement.total,
        feedback=judgement.feedback,
        details=judgement.details,
        reason=reason,
    )
    submission.version = version
    submission.status = SubmissionStatus.GRADED
    submission.verdict = judgement.verdict
    submission.score = judgement.score
    submission.max_score = judgement.max_score
    submission.passed = judgement.passed
    submission.total = judgement.total
    submission.feedback = judgement.feedback
    submission.graded_at = timezone.now()
    submission.save()
    if submission.kind == SubmissionKind.SUBMIT:  # example runs never count for progress
        progress_update(candidate=submission.candidate, question=submission.question)
    return submission


@transaction.atomic
def grading_retry_later(*, submission_id: int) -> None:
    """Our fault on this try: put the submission back to queued so the candidate sees it is still coming."""
    Submission.objects.filter(pk=submission_id, status=SubmissionStatus.RUNNING).update(status=SubmissionStatus.QUEUED)


@transaction.atomic
def grading_give_up(*, submission_id: int, reason: str) -> None:
    """Retries used up on our side: record grader_error, which never counts against the candidate."""
    submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
    if submission is None or submission.is_done:
        return
    submission.status = SubmissionStatus.FAILED
    submission.verdict = Verdict.GRADER_ERROR
    submission.feedback = {
        "message": "Our grader could not run your code. This is not your fault and does not count against you; "
        "please submit again in a few minutes.",
        "examples": [],
        "categories": [],
    }
    submission.save(update_fields=["status", "verdict", "feedback"])
    log.error("gave up grading submission %s: %s", submission_id, reason)


def regrade(*, submission: Submission, reason: str) -> Submission:
    """Grade a graded submission again against its question's current version, keeping every earlier grade."""
    version = submission.question.current_version
    judgement = _judge(version, submission.code, submission.kind)
    return _record(submission_id=submission.pk, version=version, judgement=judgement, reason=reason, regrade=True)


def regrade_question(*, question: Question, reason: str, progress=None) -> int:
    """Regrade every graded submission of a question; `progress(done, total)` is called as it goes."""
    ids = list(
        Submission.objects.filter(question=question, status=SubmissionStatus.GRADED).order_by("pk").values_list("pk", flat=True)
    )
    for done, pk in enumerate(ids, start=1):
        regrade(submission=Submission.objects.select_related("question__current_version").get(pk=pk), reason=reason)
        if progress:
            progress(done, len(ids))
    return len(ids)


def sweep_stuck(*, now=None) -> list[int]:
    """Requeue submissions stuck in queued or running past their deadline (a lost message, a dead worker)."""
    now = now or timezone.now()
    cutoff = now - STUCK_AFTER
    stuck = Submission.objects.filter(
        status__in=[SubmissionStatus.QUEUED, SubmissionStatus.RUNNING], created_at__lt=cutoff
    ).exclude(status=SubmissionStatus.RUNNING, started_at__gte=cutoff)
    requeued = []
    for submission in stuck:
        if submission.tries >= MAX_TRIES:
            grading_give_up(submission_id=submission.pk, reason="stuck after the maximum number of tries")
            continue
        with transaction.atomic():
            enqueue(submission.pk)
        requeued.append(submission.pk)
    return requeued


def grade_file(*, slug: str, code: str, bank_dir: Path | None = None) -> judging.Judgement:
    """Grade code for a task straight from the on-disk bank, synchronously, on its hidden cases.

    Needs no database, broker or worker: this is the `manage.py grade` contract. Raises KeyError for an
    unknown slug, BankError for an invalid bank and SandboxUnavailable without a sandbox.
    """
    bank = load_bank(bank_dir or settings.BANK_DIR)
    data = next((q for q in bank.questions if q.slug == slug), None)
    if data is None:
        raise KeyError(slug)
    if data.type not in CODE_TYPES:
        raise BankError([f"{slug} is a {data.type} question, not a code task"])
    return judging.run_task(
        data.type, data.spec, code, which=judging.HIDDEN, seed=judging.hidden_seed(data.content_hash), points=float(data.points)
    )
