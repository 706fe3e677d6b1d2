"""Reads for submissions. Every submission a user reaches goes through access_submission()."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from grader.models import Submission


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
