"""A real Celery worker on Redis and PostgreSQL grading through the real sandbox.

The worker is another process, so these tests commit (transaction=True); pytest-django runs them after the
others, and serialized_rollback restores the session's bank before each.
"""

import os
import signal
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from accounts.models import User
from grader import services
from grader.models import Submission, SubmissionStatus, Verdict
from mlassess.celery import app
from questions.models import Question
from reviews.models import GradeRecord
from tests.workers import start_worker, stop, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
TASKS = Path(settings.BANK_DIR) / "core-ml"


@pytest.fixture
def live_db():
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.skip("needs DATABASE_URL (PostgreSQL) and REDIS_URL, as CI sets them")
    with app.connection_for_write() as conn:
        conn.default_channel.queue_declare("grading", passive=False, durable=True, auto_delete=False)
        conn.default_channel.queue_purge("grading")


def descendants(pid: int) -> set[int]:
    """Every process below `pid` now (the worker's pool, bubblewrap, and the sandboxed code)."""
    children: dict[int, list[int]] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    return {p for p in pids if Path(f"/proc/{p}").exists() and "Z" not in Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[:1]}


def candidates(n):
    return [User.objects.create_user(username=f"worker-test-{i}", password="x" * 12, role="candidate") for i in range(n)]


def test_fifty_submissions_are_each_graded_exactly_once(live_db):
    kfold, pr = Question.objects.get(slug="k-fold"), Question.objects.get(slug="precision-recall")
    plan = [
        (kfold, (TASKS / "k-fold" / "solution.py").read_text(), Verdict.ACCEPTED),
        (kfold, (TASKS / "k-fold" / "wrong" / "ignores_seed.py").read_text(), Verdict.WRONG_ANSWER),
        (pr, (TASKS / "precision-recall" / "solution.py").read_text(), Verdict.ACCEPTED),
        (pr, (TASKS / "precision-recall" / "wrong" / "zero_division.py").read_text(), Verdict.RUNTIME_ERROR),
        (pr, "def precision_recall(*a, **k):\n    while True:\n        pass\n", Verdict.TIME_LIMIT),
    ]
    people = candidates(10)
    expected = {}
    for i in range(50):
        question, code, verdict = plan[i % len(plan)]
        submission = services.submit(candidate=people[i // 5], question=question, code=code)
        expected[submission.pk] = verdict
    worker = start_worker(concurrency=2)
    try:
        wait_for(
            lambda: Submission.objects.filter(pk__in=expected, status=SubmissionStatus.GRADED).count() == 50,
            what="50 graded submissions",
        )
    finally:
        stop(worker)
    graded = dict(Submission.objects.filter(pk__in=expected).values_list("pk", "verdict"))
    assert graded == {pk: str(v) for pk, v in expected.items()}
    per_submission = GradeRecord.objects.filter(submission__in=expected).values_list("submission_id", flat=True)
    assert sorted(per_submission) == sorted(expected)  # exactly one grade each


def test_a_solo_worker_grades_and_leaves_no_zygote_or_run_behind_when_it_stops(live_db):
    """The deployed grading worker (solo pool) grades in its own process, which keeps the zygotes: they must go
    when it stops, although Celery sends no worker_process_shutdown without a pool (a zygote ends when its
    worker's end of the control socket closes, and the runs with it)."""
    question = Question.objects.get(slug="precision-recall")
    code = (TASKS / "precision-recall" / "solution.py").read_text()
    people = candidates(3)
    worker = start_worker(pool="solo")
    try:
        wait_for(lambda: any(Path(f"/proc/{p}/comm").read_text().strip() == "mlassess-zygote"
                             for p in alive(descendants(worker.pid))), what="the worker's zygotes")
        ids = [services.submit(candidate=person, question=question, code=code).pk for person in people]
        wait_for(lambda: Submission.objects.filter(pk__in=ids, status=SubmissionStatus.GRADED).count() == 3,
                 what="3 graded submissions")
        below = descendants(worker.pid)
    finally:
        stop(worker)
    assert set(Submission.objects.filter(pk__in=ids).values_list("verdict", flat=True)) == {Verdict.ACCEPTED}
    assert below and not alive(below)


def slow_but_right_submission():
    """A correct k-fold solution that takes three seconds to load: time enough to kill its worker."""
    code = "import time\ntime.sleep(3)\n" + (TASKS / "k-fold" / "solution.py").read_text()
    (person,) = candidates(1)
    return services.submit(candidate=person, question=Question.objects.get(slug="k-fold"), code=code)


@pytest.mark.parametrize("pool", ["prefork", "solo"])
def test_a_worker_killed_mid_grade_loses_nothing(live_db, pool):
    submission = slow_but_right_submission()
    worker = start_worker(concurrency=1, pool=pool)
    try:
        wait_for(lambda: Submission.objects.get(pk=submission.pk).status == SubmissionStatus.RUNNING, what="grading to start")
        wait_for(lambda: any(b"harness" in Path(f"/proc/{p}/cmdline").read_bytes() for p in alive(descendants(worker.pid))),
                 what="the sandboxed code to start")
        below = descendants(worker.pid)
    finally:
        stop(worker, signal.SIGKILL)  # the whole worker, mid-grade, with no chance to clean up
    assert Submission.objects.get(pk=submission.pk).status == SubmissionStatus.RUNNING
    # Its sandbox died with it: no pool process, bubblewrap or sandboxed process of it is left.
    wait_for(lambda: not alive(below), timeout=5, what="the killed worker's sandbox to go")

    # The periodic sweep, once the dead worker's lease has run out, sends it again for a new worker.
    # (Its message is still unacknowledged in Redis; the worker's lease running out is what tells.)
    later = timezone.now() + services.LEASE + timedelta(seconds=1)
    assert services.sweep_stuck(now=later) == [submission.pk]
    worker = start_worker(concurrency=1, pool=pool)
    try:
        wait_for(lambda: Submission.objects.get(pk=submission.pk).status == SubmissionStatus.GRADED, what="regrading")
    finally:
        stop(worker)
    submission.refresh_from_db()
    assert submission.verdict == Verdict.ACCEPTED
    assert submission.grade_records.count() == 1
    assert submission.tries == 2


def test_a_killed_pool_process_hands_its_job_back_at_once(live_db):
    submission = slow_but_right_submission()
    worker = start_worker(concurrency=1)
    try:
        wait_for(lambda: Submission.objects.get(pk=submission.pk).status == SubmissionStatus.RUNNING, what="grading to start")
        children = subprocess.run(["pgrep", "-P", str(worker.pid)], capture_output=True, text=True).stdout.split()
        for child in children:
            os.kill(int(child), signal.SIGKILL)  # the pool process running the task
        wait_for(lambda: Submission.objects.get(pk=submission.pk).status == SubmissionStatus.GRADED, what="redelivery")
    finally:
        stop(worker)
    submission.refresh_from_db()
    assert submission.verdict == Verdict.ACCEPTED
    assert submission.grade_records.count() == 1
