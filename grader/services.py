"""Writes for code submissions: submit(), grade(), regrade(), the sweep of lost submissions.

Protocol (DESIGN.md): submit() stores an immutable submission as queued and sends its id to the grading
queue after commit. A worker's grade() first takes a lease on the submission with a conditional UPDATE (a
duplicate message finds the lease, or the grade, and leaves), runs the sandbox outside any transaction, and
writes the result once, under a row lock; a database error while writing is retried without running the
code again. The sweep re-sends a submission only when its last send is older than a timeout and its message
is no longer in the broker (or its worker's lease ran out): a backlog causes no extra sends.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import socket
import time
from datetime import timedelta
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import User
from grader import cases as grader_cases
from grader import judging
from grader import selectors as grader_selectors
from grader.models import (
    PreparedCases,
    Submission,
    SubmissionKind,
    SubmissionStatus,
    Verdict,
)
from grader.queue import grading_task_id, submissions_in_broker
from grader.sandbox.launcher import SandboxUnavailable
from questions.bank_format import LIMIT_RANGES, BankError, load_bank
from questions.models import CODE_TYPES, Question, QuestionVersion
from questions.selectors import question_version
from reviews.models import GradeSource
from reviews.selectors import person_grade_stands, result_url
from reviews.services import grade_record_create, notification_send

log = logging.getLogger(__name__)

MAX_CODE_BYTES = 64 * 1024
MAX_OPEN_SUBMISSIONS = 5  # per candidate: queued or running at once
OPEN_STATUSES = [SubmissionStatus.QUEUED, SubmissionStatus.RUNNING]
# Per candidate, submissions and example runs together: a candidate submitting in a loop must not starve others.
RATE_LIMIT = 20
RATE_WINDOW = timedelta(minutes=1)
# The same code for the same task again within this window is one submission (a double click).
DUPLICATE_WINDOW = timedelta(seconds=10)
# A queued submission whose last send is older than this and that is not in the broker is sent again.
RESEND_AFTER = timedelta(seconds=30)
# When the broker cannot be read, only a submission waiting this long since its last send is sent again.
RESEND_BLIND_AFTER = timedelta(minutes=5)
# A worker holds a submission for the longest wall-clock limit a task may have plus a margin (start-up,
# comparing, saving the verdict). One length for every task: the lease is taken before the version is read.
LEASE = timedelta(seconds=LIMIT_RANGES["time_seconds"][1] + 1) + timedelta(seconds=20)
MAX_TRIES = 5
# Saving a verdict: tries, the first wait (doubling each time), and how long to wait for a row lock.
RECORD_TRIES = 6
RECORD_FIRST_WAIT = 0.2
RECORD_LOCK_TIMEOUT_MS = 5000


class GraderFault(Exception):
    """Our side failed (no sandbox, a broken task, the database): retried, never the candidate's fault."""


class SubmissionThrottled(ValidationError):
    """Too many submissions in a short time: the candidate may try again after `retry_after` seconds."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class UnknownTask(LookupError):
    """No code task with that slug in the bank."""


# ------------------------------------------------------------------ submitting

def check_submission_allowed(*, candidate: User, question: Question, code: str,
                             runs: list[grader_selectors.RecentRun] | None = None, now=None) -> None:
    """Raise ValidationError (with a message for the candidate) unless this code may be submitted now.

    SubmissionThrottled (a ValidationError) says when to try again. `runs` are the candidate's runs that the
    limits count, read at `now` (submit() has them already); read here when not given.
    """
    if not candidate.is_candidate:
        raise ValidationError("Only candidate accounts submit code.")
    if question.retired or question.current_version is None or question.current_version.type not in CODE_TYPES:
        raise ValidationError("This is not a code task in the bank.")
    if not code.strip():
        raise ValidationError("Write some code before submitting.")
    if UNSTORABLE.search(code):  # Python cannot compile either, and the database cannot store them
        raise ValidationError("Code cannot contain a null character (U+0000) or half of a surrogate pair.")
    if len(code.encode()) > MAX_CODE_BYTES:
        raise ValidationError(f"Code is limited to {MAX_CODE_BYTES // 1024} KB.")
    now = now or timezone.now()
    since = now - RATE_WINDOW
    if runs is None:
        runs = grader_selectors.runs_for_limits(candidate=candidate, since=since, code=None)
    still_open = sum(run.status in OPEN_STATUSES for run in runs)
    recent = [run.created_at for run in runs if run.created_at >= since]  # newest first
    if still_open >= MAX_OPEN_SUBMISSIONS:
        raise SubmissionThrottled(
            f"You have {still_open} submissions still being graded. Wait for their results, then try again.", 5
        )
    if len(recent) >= RATE_LIMIT:
        # The window frees a place when the RATE_LIMIT-th newest run in it grows older than the window.
        wait = max(1, int((recent[RATE_LIMIT - 1] - since).total_seconds()) + 1)
        raise SubmissionThrottled(
            f"You have sent {RATE_LIMIT} runs in the last minute, the most we take. Try again in {wait} seconds.", wait
        )


@transaction.atomic
def submit(*, candidate: User, question: Question, code: str, kind: str = SubmissionKind.SUBMIT) -> Submission:
    """Store a submission against the question's current version and queue it for grading after commit.

    The same code sent again for the same task within DUPLICATE_WINDOW (a double click, a resent form) is
    the same submission: it is returned instead of a second one being made.
    """
    if kind not in SubmissionKind.values:
        raise ValidationError("Choose Run examples or Submit.")
    # One candidate's submits take turns (a row lock on PostgreSQL; SQLite's immediate transactions already
    # serialise writers), so two requests of one double click cannot both pass the checks below.
    User.objects.select_for_update().filter(pk=candidate.pk).exists()
    # One read serves the double-click check and the limits: a run from the last DUPLICATE_WINDOW is also one
    # from the last RATE_WINDOW.
    now = timezone.now()
    storable_code = code if len(code) <= MAX_CODE_BYTES and not UNSTORABLE.search(code) else None  # else refused below
    runs = grader_selectors.runs_for_limits(candidate=candidate, since=now - RATE_WINDOW, code=storable_code)
    duplicate = next(
        (r for r in runs if r.question_id == question.pk and r.kind == kind and r.created_at >= now - DUPLICATE_WINDOW),
        None,
    )
    if duplicate is not None and duplicate.same_code:
        return Submission.objects.get(pk=duplicate.pk)
    check_submission_allowed(candidate=candidate, question=question, code=code, runs=runs, now=now)
    submission = Submission.objects.create(
        candidate=candidate,
        question=question,
        version=question.current_version,
        kind=kind,
        code=code,
        max_score=float(question.current_version.points),
        enqueued_at=timezone.now(),
        sends=1,
    )
    _send_after_commit(submission.pk)
    return submission


def _send_after_commit(submission_id: int, *, countdown: float | None = None) -> None:
    """Send a grading message once the current transaction commits, so the worker always finds the row."""
    from grader.tasks import grade_submission

    transaction.on_commit(
        lambda: grade_submission.apply_async((submission_id,), task_id=grading_task_id(submission_id), countdown=countdown)
    )


# ------------------------------------------------------------------ grading

def prepared_cases_for(version: QuestionVersion, which: str) -> tuple[list[grader_cases.Case], dict]:
    """A code task version's cases and expected values: computed once, stored, and kept in this process."""
    seed = grader_cases.hidden_seed(version.content_hash)
    key = ("version", version.pk, which, seed)
    if (hit := grader_cases.cached_prepared(key)) is not None:
        return hit
    row = PreparedCases.objects.filter(version=version, which=which, seed=str(seed)).first()
    if row is not None:
        prepared = grader_cases.cases_from_json(row.data)
    else:
        cases = grader_cases.task_cases(version.spec, which=which, seed=seed)
        prepared = (cases, grader_cases.expected_outputs(version.spec, cases))
        with transaction.atomic():
            PreparedCases.objects.get_or_create(
                version=version, which=which, seed=str(seed), defaults={"data": grader_cases.cases_to_json(*prepared)}
            )
    grader_cases.remember_prepared(key, *prepared)
    return prepared


def _judge(version: QuestionVersion, code: str, kind: str, submission_id: int) -> judging.Judgement:
    which = grader_cases.EXAMPLES if kind == SubmissionKind.EXAMPLES else grader_cases.HIDDEN
    seed = grader_cases.hidden_seed(version.content_hash)
    if version.type == "ml":  # a hidden split of the submission's own (grader_cases.split_seed says why)
        seed = grader_cases.split_seed(version.content_hash, submission_id)
    try:
        prepared = prepared_cases_for(version, which) if version.type == "code" else None
        return judging.run_task(
            version.type, version.spec, code, which=which, seed=seed, points=float(version.points), prepared=prepared,
        )
    except SandboxUnavailable as exc:
        raise GraderFault(f"sandbox unavailable: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - a fault in a task's trusted files or in our code
        log.exception("grading failed on our side")
        raise GraderFault(f"{type(exc).__name__}: {exc}") from exc


def this_process() -> str:
    """Who holds a lease: this host and process."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _holder_is_gone(owner: str) -> bool:
    """True when a lease's holder is a process of this host that no longer runs (a killed pool process)."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine's worker: only its lease running out tells
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class LeasedSubmission(NamedTuple):
    """What grading a submission needs, read as its lease is taken."""

    pk: int
    code: str
    kind: str
    version: QuestionVersion


# One statement takes the lease and reads the submission. (The ORM cannot UPDATE ... RETURNING: a SELECT and an
# UPDATE through it cost 0.8 ms of the worker's CPU per grading, this 0.07 ms.) The version's content hash comes
# with it: the version itself is read from this process's store of immutable versions (by id and hash), since
# reading it with the submission would parse the task's spec (some 16 KB of JSON) on every grading.
_LEASE_SQL = """
    UPDATE grader_submission
    SET status = %s, started_at = %s, lease_until = %s, lease_owner = %s, tries = tries + 1
    WHERE id = %s AND status IN (%s, %s) AND (lease_until IS NULL OR lease_until < %s {or_dead_holder})
    RETURNING code, kind, version_id, (SELECT content_hash FROM questions_questionversion WHERE id = version_id)
"""


def _take_lease(submission_id: int) -> LeasedSubmission | None:
    """Claim a submission for grading (a conditional UPDATE); None when it is graded or another worker has it.

    A lease is free when there is none, when it ran out, or when its holder was a process of this host that
    died (Celery hands a killed pool process's job back at once: it must not wait for the lease to run out).
    """
    leased = _lease(submission_id)
    if leased is None:  # graded, or held: by a live worker, or by a dead one of this host
        holder = (Submission.objects.filter(pk=submission_id, status__in=OPEN_STATUSES)
                  .values_list("lease_owner", flat=True).first())
        if holder and _holder_is_gone(holder):
            leased = _lease(submission_id, dead_holder=holder)
    return leased


def _lease(submission_id: int, *, dead_holder: str | None = None) -> LeasedSubmission | None:
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    params = [SubmissionStatus.RUNNING, adapt(now), adapt(now + LEASE), this_process(), submission_id,
              SubmissionStatus.QUEUED, SubmissionStatus.RUNNING, adapt(now)]
    if dead_holder is not None:
        params.append(dead_holder)
    with connection.cursor() as cursor:
        cursor.execute(_LEASE_SQL.format(or_dead_holder="OR lease_owner = %s" if dead_holder is not None else ""), params)
        row = cursor.fetchone()
    if row is None:
        return None
    code, kind, version_id, content_hash = row
    return LeasedSubmission(submission_id, code, kind, question_version(version_id=version_id, content_hash=content_hash))


def grade(*, submission_id: int) -> Submission | None:
    """Grade a queued submission. Idempotent: a submission already graded (or given up on), or being graded
    by another worker under a lease, is left as it is.

    Raises GraderFault when our side fails; the caller retries.
    """
    leased = _take_lease(submission_id)
    if leased is None:
        return Submission.objects.filter(pk=submission_id).first()
    judgement = _judge(leased.version, leased.code, leased.kind, leased.pk)
    return _record_with_retries(submission_id=submission_id, version=leased.version, judgement=judgement,
                                reason="first grading")


def _record_with_retries(**kwargs) -> Submission | None:
    """Save a verdict, retrying database errors (a lost connection, a lock, a deadlock) with backoff.

    The judgement stays in memory while it retries: the code is not run again.
    """
    wait = RECORD_FIRST_WAIT
    for attempt in range(1, RECORD_TRIES + 1):
        try:
            return _record(**kwargs)
        except DatabaseError as exc:
            if attempt == RECORD_TRIES or connection.in_atomic_block:
                raise GraderFault(f"could not save the verdict: {exc}") from exc
            log.warning("saving the verdict of submission %s failed (try %s): %s", kwargs["submission_id"], attempt, exc)
            connection.close()  # a broken connection is replaced on the next query
            time.sleep(wait)
            wait *= 2
    return None


# What PostgreSQL's jsonb refuses in text: U+0000, and half of a surrogate pair (a Python str never holds a
# whole pair: JSON's "\ud83d\ude00" reads as one character).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# The same in JSON text (ensure_ascii=False): the encoder writes U+0000 as an escape and surrogates as they are.
# (A backslash the text itself holds, before "u0000", matches too: that only takes the slow path.)
UNSTORABLE_IN_JSON = re.compile(r"\\u0000|[\ud800-\udfff]")


def storable(value):
    """`value` (a judgement's feedback or details) with every UNSTORABLE character replaced, in keys and text,
    and NaN and the infinities as text.

    The code under test controls text that lands here (what it printed, its exception messages, the text it
    returned): left in, the verdict could not be saved on PostgreSQL, the run was retried as our fault and ended
    as grader_error, which never counts against the candidate.
    """
    # Nearly every verdict has nothing to replace: the C encoder tells in one pass over the case records, where
    # walking them in Python cost a quarter of a millisecond per grading.
    try:
        if not UNSTORABLE_IN_JSON.search(json.dumps(value, allow_nan=False, ensure_ascii=False)):
            return value
    except (ValueError, TypeError):  # NaN or an infinity (or what JSON cannot hold: left to the walk)
        pass
    return _storable(value)


def _storable(value):
    if type(value) is str:
        return UNSTORABLE.sub("\ufffd", value)
    if type(value) is float and not math.isfinite(value):
        return str(value)  # JSON has no NaN or infinity: 'nan', 'inf', '-inf'
    if type(value) is list:
        return [_storable(v) for v in value]
    if type(value) is dict:
        return {_storable(k): _storable(v) for k, v in value.items()}
    return value


def worker_session_options() -> str:
    """PostgreSQL settings for a worker's sessions, given when they connect (libpq's `options`).

    - Asynchronous commit: a commit returns before PostgreSQL has flushed it to disk. Safe because everything a
      worker writes can be done again: a commit lost to a database crash (the last few hundred milliseconds at
      most) leaves its submission queued or running, and the sweep grades it again. The web server, which
      stores the submissions themselves, keeps synchronous commits.
    - The lock timeout for saving a verdict (`_record`), set once per session instead of once per grading.
    """
    return f"-c synchronous_commit=off -c lock_timeout={int(RECORD_LOCK_TIMEOUT_MS)}"


def _session_has_lock_timeout() -> bool:
    return "lock_timeout=" in connection.settings_dict.get("OPTIONS", {}).get("options", "")


@transaction.atomic
def _record(*, submission_id: int, version: QuestionVersion, judgement: judging.Judgement, reason: str,
            regrade: bool = False) -> Submission | None:
    if connection.vendor == "postgresql" and not _session_has_lock_timeout():
        # Wait a while for a row lock, not forever: a timeout is retried like any database error. (A worker's
        # sessions have it from the start: worker_session_options.)
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = {int(RECORD_LOCK_TIMEOUT_MS)}")
    submission = (
        Submission.objects.select_for_update(of=("self",)).select_related("candidate", "question").get(pk=submission_id)
    )
    if submission.status == SubmissionStatus.GRADED and not regrade:
        return submission  # another run of the same job finished first: one grade per submission
    # A regrade goes into the trail, but never replaces what a person decided (an override, an appeal): they
    # graded with the task's problem in view.
    kept = regrade and person_grade_stands(submission)
    score_before = submission.score
    # The verdict goes into the grading trail, which copies it onto the submission and updates progress
    # (example runs never count) in this same transaction.
    submission.graded_at = timezone.now()
    submission.lease_until = None
    grade_record_create(
        submission=submission,
        source=GradeSource.AUTOMATIC,
        version=version,
        verdict=judgement.verdict,
        score=judgement.score,
        max_score=judgement.max_score,
        passed=judgement.passed,
        total=judgement.total,
        feedback=storable(judgement.feedback),
        details=storable(judgement.details),
        reason=f"{reason} (not applied: a person's grade stands)" if kept else reason,
        applied=not kept,
        also_save=("graded_at", "lease_until"),
    )
    if regrade and not kept and score_before is not None and submission.score != score_before:
        notification_send(
            user=submission.candidate,
            text=f"Your grade on “{version.title}” changed from {score_before:g} to {submission.score:g} "
                 f"when the task was graded again: {reason}.",
            url=result_url(submission),
        )
    return submission


@transaction.atomic
def grading_failed(*, submission_id: int, reason: str) -> None:
    """Our side failed on this try: send the submission again after a growing wait (2, 4, 8... seconds), or,
    once MAX_TRIES runs have failed, record grader_error, which never counts against the candidate."""
    submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
    if submission is None or submission.is_done:
        return
    if submission.tries >= MAX_TRIES:
        grading_give_up(submission_id=submission_id, reason=reason)
        return
    log.warning("grading submission %s failed on our side (try %s): %s", submission_id, submission.tries, reason)
    Submission.objects.filter(pk=submission_id).update(
        status=SubmissionStatus.QUEUED, lease_until=None, enqueued_at=timezone.now(), sends=F("sends") + 1
    )
    _send_after_commit(submission_id, countdown=2 ** max(1, submission.tries))


@transaction.atomic
def grading_give_up(*, submission_id: int, reason: str) -> None:
    """Retries used up on our side: record grader_error, which never counts against the candidate."""
    submission = Submission.objects.select_for_update().filter(pk=submission_id).first()
    if submission is None or submission.is_done:
        return
    submission.status = SubmissionStatus.FAILED
    submission.verdict = Verdict.GRADER_ERROR
    submission.lease_until = None
    submission.feedback = {
        "message": "Our grader could not run your code. This is not your fault and does not count against you; "
        "please submit again in a few minutes.",
        "examples": [],
        "categories": [],
    }
    submission.save(update_fields=["status", "verdict", "feedback", "lease_until"])
    log.error("gave up grading submission %s: %s", submission_id, reason)


# ------------------------------------------------------------------ regrading

def regrade(*, submission: Submission, reason: str) -> Submission:
    """Grade a graded submission again against its question's current version, keeping every earlier grade."""
    version = submission.question.current_version
    judgement = _judge(version, submission.code, submission.kind, submission.pk)
    return _record_with_retries(submission_id=submission.pk, version=version, judgement=judgement, reason=reason,
                                regrade=True)


def regrade_question(*, question: Question, reason: str, progress=None) -> tuple[int, int]:
    """Regrade every graded submission of a question; `progress(done, total)` is called as it goes. Returns how
    many were regraded, and on how many of them a person's grade stands (the new grade is only in the trail)."""
    ids = list(
        Submission.objects.filter(question=question, status=SubmissionStatus.GRADED).order_by("pk").values_list("pk", flat=True)
    )
    kept = 0
    for done, pk in enumerate(ids, start=1):
        submission = Submission.objects.select_related("question__current_version").get(pk=pk)
        kept += person_grade_stands(submission)
        regrade(submission=submission, reason=reason)
        if progress:
            progress(done, len(ids))
    return len(ids), kept


# ------------------------------------------------------------------ the sweep

def sweep_stuck(*, now=None) -> list[int]:
    """Send again what was lost: a queued submission whose message is gone from the broker, or a running one
    whose worker's lease ran out. Returns the ids sent again.

    A submission waiting in a long backlog is still in the broker and is left alone. Each re-send is claimed
    with a conditional UPDATE on its last send, so two sweeps running at once never both send it.
    """
    now = now or timezone.now()
    in_broker = submissions_in_broker()
    resend_after = RESEND_AFTER if in_broker is not None else RESEND_BLIND_AFTER
    lost = Submission.objects.filter(
        Q(status=SubmissionStatus.QUEUED, enqueued_at__lt=now - resend_after)
        | Q(status=SubmissionStatus.RUNNING, lease_until__lt=now)
    ).values_list("pk", "status", "enqueued_at", "tries")
    sent = []
    for pk, status, enqueued_at, tries in lost:
        if status == SubmissionStatus.QUEUED and in_broker is not None and pk in in_broker:
            continue  # waiting its turn
        if tries >= MAX_TRIES:
            grading_give_up(submission_id=pk, reason="lost after the maximum number of tries")
            continue
        with transaction.atomic():
            claimed = Submission.objects.filter(pk=pk, status=status, enqueued_at=enqueued_at).update(
                status=SubmissionStatus.QUEUED, lease_until=None, enqueued_at=now, sends=F("sends") + 1
            )
            if claimed:
                _send_after_commit(pk)
                sent.append(pk)
    return sent


# ------------------------------------------------------------------ the `grade` command

def grade_file(*, slug: str, code: str, bank_dir: Path | None = None) -> judging.Judgement:
    """Grade code for a task straight from the on-disk bank, synchronously, on its hidden cases.

    Needs no database, broker or worker: this is the `manage.py grade` contract. Raises UnknownTask for an
    unknown slug, BankError for an invalid bank and SandboxUnavailable without a sandbox.
    """
    bank = load_bank(bank_dir or settings.BANK_DIR)
    data = next((q for q in bank.questions if q.slug == slug), None)
    if data is None:
        raise UnknownTask(slug)
    if data.type not in CODE_TYPES:
        raise BankError([f"{slug} is a {data.type} question, not a code task"])
    return judging.run_task(
        data.type, data.spec, code, which=grader_cases.HIDDEN, seed=grader_cases.hidden_seed(data.content_hash),
        points=float(data.points),
    )
