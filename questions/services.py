"""Writes for the roadmap and the question bank: loading the bank, answering non-code questions."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from profiles.selectors import mastery_basis as progress_basis
from profiles.services import progress_follow_bank, progress_update
from questions import scoring, variants
from questions.bank_format import Bank, ChoiceBias, QuestionData, choice_bias, load_bank
from questions.models import (
    Attempt,
    AttemptStatus,
    Question,
    QuestionType,
    QuestionVersion,
    Stage,
    Topic,
)
from reviews.models import GradeSource
from reviews.services import free_text_queued, grade_record_create


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    choice_bias: ChoiceBias | None = None

    def summary(self) -> str:
        return (
            f"{len(self.created)} new, {len(self.updated)} with a new version, "
            f"{len(self.unchanged)} unchanged, {len(self.retired)} retired"
        )


def sync_bank(*, bank_dir: Path | None = None, validators=()) -> SyncReport:
    """Load the roadmap and the bank from disk into the database.

    Idempotent: a question whose content is unchanged keeps its version; a changed one gets a new immutable
    version; a question gone from disk is retired, never deleted. The bank is validated first (raising
    `BankError` with every problem, naming the file) and nothing is written unless all of it is valid.
    `validators` are extra checks run on the parsed bank before writing (the grader checks code tasks).
    The report includes the choice questions' length bias and tick-all score.
    """
    bank = load_bank(bank_dir or settings.BANK_DIR)
    for validate in validators:
        validate(bank)
    basis = progress_basis()
    report = _write_bank(bank)
    progress_follow_bank(basis_before=basis)  # new weights, topics or retirements change stored mastery
    report.choice_bias = choice_bias(bank)
    return report


@transaction.atomic
def _write_bank(bank: Bank) -> SyncReport:
    report = SyncReport()
    # Park positions out of the way first so that reordering stages never trips the unique constraint.
    for stage in Stage.objects.all():
        Stage.objects.filter(pk=stage.pk).update(position=stage.position + 10_000)
    stages, topics = {}, {}
    for s in bank.stages:
        stages[s.slug], _ = Stage.objects.update_or_create(
            slug=s.slug, defaults={"title": s.title, "summary": s.summary, "position": s.position}
        )
        for t in s.topics:
            topics[t.slug], _ = Topic.objects.update_or_create(
                slug=t.slug,
                defaults={"title": t.title, "summary": t.summary, "stage": stages[s.slug], "position": t.position},
            )
    on_disk = set()
    for data in bank.questions:
        on_disk.add(data.slug)
        outcome = _write_question(data, stages[data.stage], [topics[t] for t in data.topics])
        getattr(report, outcome).append(data.slug)
    for question in Question.objects.filter(retired=False).exclude(slug__in=on_disk):
        question.retired = True
        question.save(update_fields=["retired"])
        report.retired.append(question.slug)
    return report


def _write_question(data: QuestionData, stage: Stage, topics: list[Topic]) -> str:
    question, created = Question.objects.get_or_create(slug=data.slug, defaults={"stage": stage})
    question.stage = stage
    question.retired = False
    question.topics.set(topics)
    version = question.versions.filter(content_hash=data.content_hash).first()
    outcome = "created" if created else "unchanged"
    if version is None:
        number = (question.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        version = QuestionVersion.objects.create(
            question=question, number=number, content_hash=data.content_hash, **data.version_fields()
        )
        outcome = "created" if created else "updated"
    elif question.current_version_id != version.pk:
        outcome = "updated"  # the bank went back to earlier content: that version is current again
    question.current_version = version
    question.save()
    return outcome


def _clean_answer(version: QuestionVersion, raw) -> object:
    """Check the shape of a raw answer for the version's type; raise ValidationError with a clear message."""
    keys = {o["key"] for o in version.spec.get("options", [])}
    if version.type == QuestionType.SINGLE_CHOICE:
        if not isinstance(raw, str) or raw not in keys:
            raise ValidationError("Choose one of the options.")
        return raw
    if version.type == QuestionType.MULTIPLE_CHOICE:
        if not isinstance(raw, (list, tuple)) or not raw:
            raise ValidationError("Tick at least one option.")
        if not set(raw) <= keys or len(set(raw)) != len(raw):
            raise ValidationError("Tick only options of this question, each once.")
        return sorted(raw)
    if version.type == QuestionType.NUMERIC:
        text = str(raw).strip()
        # 12,928 is twelve thousand to some and twelve point nine to others: refuse it rather than guess.
        if "," in text:
            raise ValidationError(
                "Use a point for the decimal point and no thousands separators: 0.75 or 12928, not 0,75 or 12,928."
            )
        try:
            value = float(text)
        except ValueError:
            raise ValidationError("Enter a number, such as 0.75 or 12.5.") from None
        if not math.isfinite(value):
            raise ValidationError("Enter a finite number.")
        return value
    if version.type == QuestionType.FREE_TEXT:
        text = str(raw or "").strip()
        if not text:
            raise ValidationError("Write your answer before submitting.")
        if len(text) > 10_000:
            raise ValidationError("Keep your answer under 10,000 characters.")
        return text
    raise ValidationError("Code tasks are answered on the code editor page.")


def check_answer_allowed(*, candidate: User, question: Question) -> None:
    """Raise ValidationError unless this candidate may answer this question now."""
    if not candidate.is_candidate:
        raise ValidationError("Only candidate accounts answer questions.")
    if question.retired or question.current_version is None:
        raise ValidationError("This question is no longer in the bank.")


@transaction.atomic
def answer_submit(*, candidate: User, question: Question, raw_answer) -> Attempt:
    """Grade a candidate's answer to a non-code question against its current version and store the attempt.

    Choice and numeric answers are graded at once; free text waits for a reviewer (the reference answer is
    shown to the candidate straight away). The candidate's progress is updated in the same transaction.
    Raises ValidationError for an answer of the wrong shape.
    """
    check_answer_allowed(candidate=candidate, question=question)
    version = question.current_version
    answer = _clean_answer(version, raw_answer)
    variant: dict = {}
    max_score = float(version.points)
    if version.type == QuestionType.FREE_TEXT:
        attempt = Attempt.objects.create(
            candidate=candidate,
            question=question,
            version=version,
            answer=answer,
            status=AttemptStatus.PENDING_REVIEW,
            max_score=max_score,
            feedback="Saved. A reviewer will grade it against the rubric; compare with the reference answer below.",
        )
        free_text_queued(attempt=attempt)
        progress_update(candidate=candidate, question=question)
        return attempt
    if version.type == QuestionType.SINGLE_CHOICE:
        grade = scoring.grade_single_choice(version.spec, answer)
    elif version.type == QuestionType.MULTIPLE_CHOICE:
        grade = scoring.grade_multiple_choice(version.spec, answer)
    else:
        variant, expected = variants.numeric_variant(version.spec, candidate_id=candidate.pk, question_slug=question.slug)
        grade = scoring.grade_numeric(version.spec, answer, expected)
    # Stored as waiting, then graded through the trail, which writes the grade, its record and progress.
    attempt = Attempt.objects.create(
        candidate=candidate,
        question=question,
        version=version,
        answer=answer,
        variant=variant,
        status=AttemptStatus.PENDING_REVIEW,
        max_score=max_score,
        feedback=grade.feedback,
    )
    grade_record_create(attempt=attempt, source=GradeSource.AUTOMATIC, score=round(grade.fraction * max_score, 4),
                        reason="automatic grading", feedback={"overall": grade.feedback})
    return attempt


def demo_attempts_ensure(*, candidate: User) -> int:
    """Give the demo candidate a few answered questions (once) so the roadmap shows progress."""
    if candidate.attempts.exists():
        return 0
    made = 0
    for question in Question.objects.filter(retired=False, stage__position__lte=2).select_related("current_version"):
        version = question.current_version
        if version.type == QuestionType.SINGLE_CHOICE:
            answer_submit(candidate=candidate, question=question, raw_answer=version.spec["options"][0]["key"])
            made += 1
        elif version.type == QuestionType.NUMERIC:
            _, expected = variants.numeric_variant(version.spec, candidate_id=candidate.pk, question_slug=question.slug)
            answer_submit(candidate=candidate, question=question, raw_answer=str(expected))
            made += 1
    return made
