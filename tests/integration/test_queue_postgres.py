"""The grading queue's promises under concurrency, on real PostgreSQL connections (and Redis where named).

- two sweeps at once never both send a lost submission;
- a duplicate grading message finds the first worker's lease and leaves: the code runs once;
- a backlog in the broker is never sent again, and what the broker lost is;
- a database error while saving a verdict is retried, without running the code again;
- a worker's sessions commit asynchronously and wait for a row lock only a while;
- a statement that a migration made stale fails at most one task, not every task after it.
"""

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone

from grader import services
from grader.models import Submission, SubmissionStatus, Verdict
from mlassess.celery import app
from questions.models import Question
from tests.workers import real_services_available, start_worker, stop, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
SOLUTION = (Path(settings.BANK_DIR) / "core-ml" / "k-fold" / "solution.py").read_text()


@pytest.fixture(autouse=True)
def _on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("set DATABASE_URL to a PostgreSQL database to run this (CI does)")


def at_once(*functions):
    """Run the functions in threads (each with its own database connection), started together."""
    barrier, results, errors = threading.Barrier(len(functions)), [None] * len(functions), []

    def run(i, fn):
        try:
            barrier.wait()
            results[i] = fn()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(functions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return results


def lost(candidate, n=1, *, sent_ago=timedelta(minutes=5), code=SOLUTION):
    question = Question.objects.get(slug="k-fold")
    return [
        Submission.objects.create(candidate=candidate, question=question, version=question.current_version, code=code,
                                  max_score=10, enqueued_at=timezone.now() - sent_ago, sends=1)
        for _ in range(n)
    ]


@pytest.fixture
def empty_grading_queue():
    """Real Redis with an empty grading queue (as after a broker restart that lost it)."""
    if not real_services_available():
        pytest.skip("needs DATABASE_URL (PostgreSQL) and REDIS_URL, as CI sets them")
    with app.connection_for_write() as conn:
        conn.default_channel.queue_declare("grading", durable=True, auto_delete=False)
        conn.default_channel.queue_purge("grading")
    yield
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge("grading")


def messages_in_queue() -> list[int]:
    """The submission ids of the grading messages waiting in Redis, one entry per message."""
    import redis

    from grader.queue import TASK_ID

    client = redis.Redis.from_url(settings.REDIS_URL)
    try:
        return sorted(int(TASK_ID.search(m).group(1)) for m in client.lrange("grading", 0, -1))
    finally:
        client.close()


def test_two_sweeps_at_once_send_each_lost_submission_once(candidate, empty_grading_queue):
    submissions = lost(candidate, 20)
    first, second = at_once(services.sweep_stuck, services.sweep_stuck)
    assert sorted(first + second) == sorted(s.pk for s in submissions)
    assert not set(first) & set(second)
    assert messages_in_queue() == sorted(s.pk for s in submissions)  # one message each
    assert set(Submission.objects.values_list("sends", flat=True)) == {2}


def test_a_duplicate_message_runs_the_code_once(candidate):
    (submission,) = lost(candidate, sent_ago=timedelta(0))
    at_once(lambda: services.grade(submission_id=submission.pk), lambda: services.grade(submission_id=submission.pk))
    submission.refresh_from_db()
    assert submission.verdict == Verdict.ACCEPTED
    assert submission.tries == 1  # one worker ran it; the other found the lease
    assert submission.grade_records.count() == 1


def test_a_database_error_while_saving_the_verdict_is_retried_without_running_again(candidate, monkeypatch):
    (submission,) = lost(candidate, sent_ago=timedelta(0))
    monkeypatch.setattr(services, "RECORD_LOCK_TIMEOUT_MS", 300)  # give up waiting for the row lock quickly
    monkeypatch.setattr(services, "RECORD_FIRST_WAIT", 0.3)
    locked, release = threading.Event(), threading.Event()

    def hold_the_row():
        with transaction.atomic():
            Submission.objects.select_for_update().get(pk=submission.pk)
            locked.set()
            release.wait(timeout=30)

    def grade_while_locked():
        locked.wait(timeout=30)
        threading.Timer(1.0, release.set).start()  # the lock goes after the first tries have timed out
        return services.grade(submission_id=submission.pk)

    at_once(hold_the_row, grade_while_locked)
    submission.refresh_from_db()
    assert submission.verdict == Verdict.ACCEPTED and submission.grade_records.count() == 1
    assert submission.tries == 1  # one lease, one run of the code: only saving was retried


def test_a_workers_sessions_commit_asynchronously_and_wait_for_a_row_lock_only_a_while(monkeypatch):
    from mlassess.celery import set_up_worker_database_sessions

    monkeypatch.setitem(connection.settings_dict, "OPTIONS", dict(connection.settings_dict.get("OPTIONS", {})))
    connection.close()
    set_up_worker_database_sessions()  # what each pool process does when it starts
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('synchronous_commit'), current_setting('lock_timeout')")
            assert cursor.fetchone() == ("off", "5s")
    finally:
        connection.close()


@pytest.mark.parametrize("column, length", [("lease_owner", 200), ("kind", 10)])
def test_a_statement_a_migration_made_stale_fails_at_most_one_task_not_every_task_after(candidate, monkeypatch, caplog,
                                                                                       column, length):
    from django.db import DatabaseError

    from grader.tasks import grade_submission
    from mlassess.celery import set_up_worker_database_sessions

    def migrate(column_type):  # on a connection of its own, as `migrate` runs in another process
        other = connection.get_new_connection(connection.get_connection_params())
        other.autocommit = True
        other.execute(f"ALTER TABLE grader_submission ALTER COLUMN {column} TYPE {column_type}")
        other.close()

    question = Question.objects.get(slug="k-fold")
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", dict(connection.settings_dict.get("OPTIONS", {})))
    connection.close()
    set_up_worker_database_sessions()  # a worker's connection, which prepares what it repeats
    for i in range(6):  # the worker grades often enough for what each grading repeats to be prepared
        grade_submission.apply((services.submit(candidate=candidate, question=question, code=f"{SOLUTION}\n# {i}\n").pk,))
    submission = services.submit(candidate=candidate, question=question, code=SOLUTION)
    migrate(f"varchar({length + 1})")
    try:
        with caplog.at_level("WARNING", logger="grader.services"):
            result = grade_submission.apply((submission.pk,))
        if column == "lease_owner":
            # Read when the verdict is saved: that save failed once and was tried again on a new connection.
            assert "cached plan must not change result type" in caplog.text
        else:
            # Read with the lease: the task fails (the sweep sends it again), and its connection is replaced.
            assert isinstance(result.result, DatabaseError) and "cached plan" in str(result.result)
            grade_submission.apply((submission.pk,))
        submission.refresh_from_db()
        assert submission.verdict == Verdict.ACCEPTED
        later = services.submit(candidate=candidate, question=question, code=f"{SOLUTION}\n# later\n")
        grade_submission.apply((later.pk,))
        later.refresh_from_db()
        assert later.verdict == Verdict.ACCEPTED
    finally:
        migrate(f"varchar({length})")
        connection.close()


@pytest.mark.integration
def test_a_backlog_causes_no_extra_sends_and_a_lost_queue_is_sent_again(candidate, empty_grading_queue):
    question = Question.objects.get(slug="k-fold")
    ids = [services.submit(candidate=candidate, question=question, code=SOLUTION + f"\n# {i}\n").pk for i in range(5)]
    # No worker yet: the messages wait in Redis. Long past the resend timeout, the sweep leaves them alone.
    Submission.objects.filter(pk__in=ids).update(enqueued_at=timezone.now() - timedelta(minutes=10))
    assert services.sweep_stuck() == []
    # Redis restarts and loses them: the sweep sends each again, once.
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge("grading")
    assert sorted(services.sweep_stuck()) == sorted(ids)
    assert services.sweep_stuck() == []
    worker = start_worker(concurrency=1)
    try:
        wait_for(lambda: Submission.objects.filter(pk__in=ids, status=SubmissionStatus.GRADED).count() == len(ids),
                 what="the re-sent submissions to be graded")
    finally:
        stop(worker)
    assert set(Submission.objects.filter(pk__in=ids).values_list("sends", "tries")) == {(2, 1)}
