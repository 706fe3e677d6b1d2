"""Two results of one candidate committed at the same time: neither update of the stored mastery is lost."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from profiles.models import TopicMastery
from profiles.services import candidate_profile_ensure, progress_rebuild
from tests.conftest import _user
from tests.profiles.helpers import answer
from tests.profiles.test_rebuild import snapshot

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(autouse=True)
def _on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (set DATABASE_URL; CI does)")


@pytest.mark.parametrize("profile_before", [True, False], ids=["profile made on a visit", "their first results"])
def test_concurrent_results_of_one_candidate_both_count(profile_before):
    candidate = _user("racer", "candidate")
    if profile_before:
        candidate_profile_ensure(candidate=candidate)  # as after their first visit: the race is over the mastery rows
    first_written = threading.Event()
    errors = []

    def first():
        try:
            with transaction.atomic():
                answer(candidate, "l1-zeroes-weights", right=True)
                first_written.set()
                time.sleep(1.0)  # still uncommitted while the second result arrives
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    def second():
        try:
            first_written.wait(10)
            with transaction.atomic():
                answer(candidate, "regularisation-strength", right=False)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    row = TopicMastery.objects.get(candidate=candidate, topic__slug="regularisation")
    assert row.graded_questions == 2 and row.solved_questions == 1

    live = snapshot([candidate])
    progress_rebuild()
    assert snapshot([candidate]) == live
