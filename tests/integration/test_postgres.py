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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_double_click_on_two_connections_makes_one_submission(candidate):
    """Two requests of one double click, racing on two database connections, store one submission."""
    import threading

    from django.db import connections

    from grader import services
    from grader.models import Submission

    question = Question.objects.get(slug="k-fold")
    barrier, made = threading.Barrier(2), []

    def click():
        try:
            barrier.wait()
            made.append(services.submit(candidate=candidate, question=question, code="x = 1").pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(made) == 2 and made[0] == made[1]
    assert Submission.objects.filter(candidate=candidate).count() == 1
