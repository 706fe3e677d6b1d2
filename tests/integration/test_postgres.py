"""The same flows on PostgreSQL, the production database. CI runs the whole suite there (DATABASE_URL)."""

import pytest
from django.db import IntegrityError, connection, transaction

from profiles.selectors import roadmap_progress
from questions.models import Attempt, Question
from questions.services import answer_submit, sync_bank

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("set DATABASE_URL to a PostgreSQL database to run this (CI does)")


def test_bank_sync_is_idempotent_on_postgres():
    report = sync_bank()
    assert report.created == [] and report.updated == []
    assert Question.objects.filter(retired=False).count() >= 40


def test_answering_feeds_progress_on_postgres(candidate):
    question = Question.objects.get(slug="l1-zeroes-weights")
    right = next(o["key"] for o in question.current_version.spec["options"] if o["correct"])
    answer_submit(candidate=candidate, question=question, raw_answer=right)
    core = next(p for p in roadmap_progress(candidate=candidate) if p.stage.slug == "core-ml")
    assert core.solved == 1 and core.points_earned == 1


def test_database_constraints_hold_on_postgres(candidate):
    question = Question.objects.get(slug="l1-zeroes-weights")
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            candidate=candidate, question=question, version=question.current_version,
            answer="a", status="graded", score=5, max_score=1,
        )
