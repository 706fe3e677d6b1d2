"""The mastery rule: how a candidate's best results on questions become a level for a topic, a stage or the roadmap.

Pure functions on plain data, so that the live update, `rebuild_progress` and the pages all apply one rule
(and a rebuild reproduces the live tables exactly: sums run in question-id order, whichever path computes them).
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable

from django.db import models

# A question's weight is its points times this factor for its difficulty (easy, medium, hard).
DIFFICULTY_FACTOR = {1: 1, 2: 2, 3: 3}

# Thresholds on (score, coverage), as shares of 1.
FAMILIAR_SCORE = 0.5
PROFICIENT_SCORE, PROFICIENT_COVERAGE = 0.7, 0.5
MASTERED_SCORE, MASTERED_COVERAGE = 0.9, 0.8

RULE_TEXT = (
    "Each question counts with its points times its difficulty (easy ×1, medium ×2, hard ×3), at the best grade "
    "on it. Mastery is the weighted average over the questions graded so far; coverage is the weighted share of "
    "the bank's questions graded. Skipped questions, answers still waiting for a reviewer, example runs and "
    "retired questions count in neither. Levels: attempted (anything graded), familiar (mastery 50% or more), "
    "proficient (70% or more over at least half the questions by weight), mastered (90% or more over at least 80%)."
)


class Level(models.IntegerChoices):
    NOT_STARTED = 0, "Not started"
    ATTEMPTED = 1, "Attempted"
    FAMILIAR = 2, "Familiar"
    PROFICIENT = 3, "Proficient"
    MASTERED = 4, "Mastered"


def question_weight(*, points: int, difficulty: int) -> float:
    return float(points * DIFFICULTY_FACTOR[difficulty])


def is_solved(fraction: float | None) -> bool:
    return fraction is not None and fraction >= 1.0 - 1e-9


def level_for(*, score: float, coverage: float, graded_questions: int) -> int:
    if graded_questions == 0:
        return Level.NOT_STARTED
    if score >= MASTERED_SCORE and coverage >= MASTERED_COVERAGE:
        return Level.MASTERED
    if score >= PROFICIENT_SCORE and coverage >= PROFICIENT_COVERAGE:
        return Level.PROFICIENT
    if score >= FAMILIAR_SCORE:
        return Level.FAMILIAR
    return Level.ATTEMPTED


@dataclass(frozen=True)
class BankQuestion:
    """What the rule needs to know about a question in the bank now (retired ones are left out)."""

    id: int
    slug: str
    title: str
    type: str
    stage_id: int
    topic_ids: tuple[int, ...]
    difficulty: int
    points: int

    @property
    def weight(self) -> float:
        return question_weight(points=self.points, difficulty=self.difficulty)


@dataclass(frozen=True)
class Tally:
    """A candidate's mastery over one set of questions (a topic, a stage, the roadmap): the stored figures."""

    earned: float  # sum of weight x best score over the graded questions
    graded_weight: float
    total_weight: float
    graded_questions: int
    solved_questions: int
    total_questions: int
    points_earned: float
    points_total: int

    @property
    def score(self) -> float:
        return self.earned / self.graded_weight if self.graded_weight else 0.0

    @property
    def coverage(self) -> float:
        return self.graded_weight / self.total_weight if self.total_weight else 0.0

    @property
    def level(self) -> int:
        return level_for(score=self.score, coverage=self.coverage, graded_questions=self.graded_questions)

    def stored(self) -> dict:
        """The model fields of a stored mastery row, derived figures included (they are indexed for filtering)."""
        return {
            "earned": self.earned,
            "graded_weight": self.graded_weight,
            "total_weight": self.total_weight,
            "graded_questions": self.graded_questions,
            "solved_questions": self.solved_questions,
            "total_questions": self.total_questions,
            "points_earned": self.points_earned,
            "points_total": self.points_total,
            "score": self.score,
            "coverage": self.coverage,
            "level": self.level,
        }


def tally(questions: Iterable[BankQuestion], best: dict[int, float]) -> Tally:
    """Mastery over `questions` given the best graded fraction (0..1) per question id the candidate has."""
    earned = graded_weight = total_weight = points_earned = 0.0
    graded = solved = total = points_total = 0
    for question in sorted(questions, key=lambda q: q.id):
        weight = question.weight
        total += 1
        total_weight += weight
        points_total += question.points
        fraction = best.get(question.id)
        if fraction is None:
            continue
        graded += 1
        solved += is_solved(fraction)
        graded_weight += weight
        earned += weight * fraction
        points_earned += question.points * fraction
    return Tally(
        earned=earned,
        graded_weight=graded_weight,
        total_weight=total_weight,
        graded_questions=graded,
        solved_questions=solved,
        total_questions=total,
        points_earned=points_earned,
        points_total=points_total,
    )
