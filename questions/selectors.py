"""Reads for the roadmap, the question bank and attempts. Every object a user reaches goes through here."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from questions.models import Attempt, Question, Stage, Topic


def stage_list() -> QuerySet[Stage]:
    return Stage.objects.prefetch_related("topics").order_by("position")


def stage_get(*, slug: str) -> Stage:
    stage = Stage.objects.filter(slug=slug).first()
    if stage is None:
        raise Http404(f"There is no roadmap stage called {slug!r}.")
    return stage


def topic_get(*, slug: str) -> Topic:
    topic = Topic.objects.filter(slug=slug).first()
    if topic is None:
        raise Http404(f"There is no topic called {slug!r}.")
    return topic


def question_list(*, stage: Stage | None = None, topic: Topic | None = None) -> QuerySet[Question]:
    """Questions in the bank now (not retired), in roadmap order, easiest first."""
    qs = Question.objects.filter(retired=False, current_version__isnull=False).select_related(
        "current_version", "stage"
    )
    if stage is not None:
        qs = qs.filter(stage=stage)
    if topic is not None:
        qs = qs.filter(topics=topic)
    return qs.prefetch_related("topics").order_by("stage__position", "current_version__difficulty", "slug")


def question_get(*, slug: str) -> Question:
    """A question a candidate may open: in the bank now. 404 with a clear message otherwise."""
    question = (
        Question.objects.filter(slug=slug, retired=False, current_version__isnull=False)
        .select_related("current_version", "stage")
        .first()
    )
    if question is None:
        raise Http404(f"There is no question called {slug!r} in the bank.")
    return question


def attempt_list(*, candidate: User) -> QuerySet[Attempt]:
    return Attempt.objects.filter(candidate=candidate).select_related("question", "version", "question__stage")


def access_attempt(*, user: User, attempt_id: int) -> Attempt:
    """The attempt, if it is the user's own. Anyone else's (or none) is a 404, so ids reveal nothing."""
    attempt = attempt_list(candidate=user).filter(pk=attempt_id).first()
    if attempt is None:
        raise Http404("No such attempt of yours.")
    return attempt
