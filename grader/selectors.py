"""Reads for submissions. Every submission a user reaches goes through access_submission()."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet, Value
from django.http import Http404

from accounts.models import User
from grader.models import Submission, SubmissionStatus


def submission_list(*, candidate: User, question=None) -> QuerySet[Submission]:
    qs = Submission.objects.filter(candidate=candidate).select_related("question", "version")
    if question is not None:
        qs = qs.filter(question=question)
    return qs


def access_submission(*, user: User, submission_id: int) -> Submission:
    """The submission if it is the user's own; a 404 otherwise, so ids reveal nothing."""
    submission = submission_list(candidate=user).filter(pk=submission_id).first()
    if submission is None:
        raise Http404("No such submission of yours.")
    return submission


def latest_code(*, candidate: User, question) -> str | None:
    """The code of the candidate's newest submission to this task, to reopen the editor where they left off."""
    return submission_list(candidate=candidate, question=question).values_list("code", flat=True).first()


@dataclass(frozen=True)
class RecentRun:
    """One of a candidate's submissions or example runs, as the limits on sending code see it."""

    pk: int
    question_id: int
    kind: str
    status: str
    created_at: datetime
    same_code: bool  # holds exactly the code asked about


def runs_for_limits(*, candidate: User, since: datetime, code: str | None) -> list[RecentRun]:
    """The candidate's runs that the limits count: those still open (queued or running) and those sent since
    `since`, newest first, each saying whether it holds `code` (compared in the database; None, for code that
    could never have been stored, holds in none). One query."""
    same_code = ExpressionWrapper(Q(code=code), output_field=BooleanField()) if code is not None else Value(False)
    rows = (
        Submission.objects.filter(candidate=candidate)
        .filter(Q(status__in=[SubmissionStatus.QUEUED, SubmissionStatus.RUNNING]) | Q(created_at__gte=since))
        .annotate(same_code=same_code)
        .order_by("-created_at", "-id")
        .values_list("pk", "question_id", "kind", "status", "created_at", "same_code")
    )
    return [RecentRun(*row) for row in rows]
