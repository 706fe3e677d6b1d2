"""Reads that turn a candidate's results into roadmap progress: per question, per stage, overall."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max, Q

from accounts.models import User
from questions.models import Attempt, AttemptStatus, Question, Stage
from questions.selectors import question_list

SOLVED, PARTIAL, PENDING, NEW = "solved", "partial", "pending_review", "new"
STATUS_LABELS = {SOLVED: "Solved", PARTIAL: "Partly right", PENDING: "Awaiting review", NEW: "Not started"}


@dataclass(frozen=True)
class QuestionResult:
    status: str
    best_fraction: float  # best score as a share of the points, 0..1

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


NOT_STARTED = QuestionResult(NEW, 0.0)


def question_results(*, candidate: User) -> dict[int, QuestionResult]:
    """The candidate's best result on every question they tried, keyed by question id."""
    rows = (
        Attempt.objects.filter(candidate=candidate)
        .values("question_id")
        .annotate(
            best=Max("score", filter=Q(status=AttemptStatus.GRADED)),
            best_max=Max("max_score"),
            pending=Max("id", filter=Q(status=AttemptStatus.PENDING_REVIEW)),
        )
    )
    best: dict[int, tuple[float | None, bool]] = {}
    for row in rows:
        fraction = None if row["best"] is None else row["best"] / row["best_max"]
        best[row["question_id"]] = (fraction, row["pending"] is not None)
    for question_id, fraction in _code_fractions(candidate).items():
        previous = best.get(question_id, (None, False))
        merged = fraction if previous[0] is None else max(previous[0], fraction)
        best[question_id] = (merged, previous[1])
    return {qid: _result(fraction, pending) for qid, (fraction, pending) in best.items()}


def _code_fractions(candidate: User) -> dict[int, float]:
    """Best graded share of points per code task, from the grader's submissions."""
    from grader.selectors import best_fractions

    return best_fractions(candidate=candidate)


def _result(fraction: float | None, pending: bool) -> QuestionResult:
    if fraction is not None and fraction >= 1.0 - 1e-9:
        return QuestionResult(SOLVED, 1.0)
    if pending and not fraction:
        return QuestionResult(PENDING, 0.0)
    if fraction is None:
        return NOT_STARTED
    return QuestionResult(PARTIAL, fraction)


@dataclass(frozen=True)
class StageProgress:
    stage: Stage
    total: int
    solved: int
    started: int
    points_earned: float
    points_total: int

    @property
    def percent(self) -> int:
        return round(100 * self.points_earned / self.points_total) if self.points_total else 0


def roadmap_progress(*, candidate: User) -> list[StageProgress]:
    """Progress per roadmap stage: questions solved and started, points earned of the points on offer."""
    results = question_results(candidate=candidate)
    by_stage: dict[int, list[Question]] = {}
    for question in question_list():
        by_stage.setdefault(question.stage_id, []).append(question)
    progress = []
    for stage in Stage.objects.order_by("position"):
        questions = by_stage.get(stage.pk, [])
        stage_results = [results.get(q.pk, NOT_STARTED) for q in questions]
        progress.append(
            StageProgress(
                stage=stage,
                total=len(questions),
                solved=sum(r.status == SOLVED for r in stage_results),
                started=sum(r.status != NEW for r in stage_results),
                points_earned=round(
                    sum(r.best_fraction * q.current_version.points for q, r in zip(questions, stage_results)), 2
                ),
                points_total=sum(q.current_version.points for q in questions),
            )
        )
    return progress
