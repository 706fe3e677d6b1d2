"""Reads for the roadmap, the question bank and attempts. Every object a user reaches goes through here."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from questions import variants
from questions.models import Attempt, Question, QuestionType, QuestionVersion, Stage, Topic


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


@lru_cache(maxsize=128)
def question_version(*, version_id: int, content_hash: str) -> QuestionVersion:
    """A question version, read once per process and kept (the 128 most recently used).

    Versions are immutable (QuestionVersion.save refuses changes), so a kept copy stays right; the key includes
    the content hash, so an id that a rolled-back transaction gave to other content (SQLite reuses those) never
    returns the wrong version. The grader reads one per grading: this saves parsing a task's spec each time.
    Callers must not change the object they get (it is shared).
    """
    return QuestionVersion.objects.get(pk=version_id, content_hash=content_hash)


def attempt_list(*, candidate: User) -> QuerySet[Attempt]:
    return Attempt.objects.filter(candidate=candidate).select_related("question", "version", "question__stage")


def access_attempt(*, user: User, attempt_id: int) -> Attempt:
    """The attempt, if it is the user's own. Anyone else's (or none) is a 404, so ids reveal nothing."""
    attempt = attempt_list(candidate=user).filter(pk=attempt_id).first()
    if attempt is None:
        raise Http404("No such attempt of yours.")
    return attempt


@dataclass(frozen=True)
class AnsweredQuestion:
    prompt: str  # with the candidate's own numbers
    options: list[dict]  # a choice question's options, each with `chosen` and `correct`
    expected: float | None  # a numeric question's right answer for the candidate's numbers


def attempt_as_answered(attempt: Attempt) -> AnsweredQuestion:
    """The question as the candidate answered it, for their result page and for a reviewer judging the answer."""
    version = attempt.version
    chosen = attempt.answer if isinstance(attempt.answer, list) else [attempt.answer]
    expected = None
    if version.type == QuestionType.NUMERIC:
        if "variant_source" not in version.spec:
            expected = version.spec["answer"]
        elif attempt.variant:  # from the numbers the candidate was given (a page must not fail for want of it)
            with contextlib.suppress(variants.VariantError):
                expected = variants.variant_answer(version.spec["variant_source"], attempt.variant)
    return AnsweredQuestion(
        prompt=variants.render_variant(version.prompt, attempt.variant),
        # In the order the candidate saw them.
        options=[dict(o, chosen=o["key"] in chosen)
                 for o in variants.options_for(version.spec, candidate_id=attempt.candidate_id,
                                               question_slug=attempt.question.slug)],
        expected=expected,
    )
