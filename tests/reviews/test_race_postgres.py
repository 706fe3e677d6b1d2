"""Reviewers racing on two real PostgreSQL connections: never two claims of one item, never two saves."""

import re
import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from reviews import services
from reviews.models import GradeSource, ReviewItem
from tests.profiles import helpers
from tests.reviews.test_services import FREE

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("set DATABASE_URL to a PostgreSQL database to run this (CI does)")


def _race(*calls):
    """Run the calls at once, each on its own thread and database connection; return results or exceptions."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as exc:  # noqa: BLE001 - the caller inspects what each side got
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_reviewers_pressing_grade_next_at_once_get_different_items(candidate, other_candidate, reviewer, second_reviewer):
    helpers.free_text(candidate, FREE)
    helpers.free_text(other_candidate, FREE)
    question = helpers.question(FREE)
    for _ in range(5):
        ReviewItem.objects.update(claimed_by=None, claim_expires_at=None)
        first, second = _race(lambda: services.review_next_claim(reviewer=reviewer, question=question),
                              lambda: services.review_next_claim(reviewer=second_reviewer, question=question))
        assert isinstance(first, ReviewItem) and isinstance(second, ReviewItem)
        assert first.pk != second.pk


def test_two_reviewers_saving_one_item_after_a_claim_ran_out_never_both_save(candidate, reviewer, second_reviewer):
    attempt = helpers.free_text(candidate, FREE)
    for round_ in range(5):
        item = ReviewItem.objects.get(attempt=attempt, done_at__isnull=True) if round_ == 0 else \
            services.recheck_request(reviewer=reviewer, attempt=attempt, note="again")
        services.review_item_claim(reviewer=reviewer, item_id=item.pk)
        ReviewItem.objects.filter(pk=item.pk).update(claim_expires_at=timezone.now() - timedelta(seconds=1))
        services.review_item_claim(reviewer=second_reviewer, item_id=item.pk)
        ReviewItem.objects.filter(pk=item.pk).update(claim_expires_at=timezone.now() - timedelta(seconds=1))
        before = attempt.grade_records.count()
        results = _race(
            lambda pk=item.pk: services.review_grade_save(reviewer=reviewer, item_id=pk, score=1, overall="first", reason="a"),
            lambda pk=item.pk: services.review_grade_save(reviewer=second_reviewer, item_id=pk, score=2, overall="second",
                                                          reason="b"),
        )
        saved = [r for r in results if not isinstance(r, Exception)]
        refused = [r for r in results if isinstance(r, services.ReviewConflict)]
        assert len(saved) == 1 and len(refused) == 1, results
        # The second claim is the one that counts: the first reviewer is refused whether they come first or last.
        assert saved[0].grader == second_reviewer
        assert re.search("already graded by another reviewer|took this item after your claim ran out",
                         refused[0].messages[0])
        assert attempt.grade_records.count() == before + 1
        attempt.refresh_from_db()
        assert attempt.score == saved[0].score
    assert attempt.grade_records.filter(source=GradeSource.REVIEWER).count() == 5
