"""The Celery app. Configuration comes from Django settings (the CELERY_* names)."""

import os

from celery import Celery
from celery.signals import worker_init, worker_process_init, worker_process_shutdown

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mlassess.settings")

import mlassess.broker  # noqa: E402,F401  registers the "mlassessfs" transport

app = Celery("mlassess")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Keep each pool process's database connection across tasks (Celery's Django fix-up otherwise closes it
# around every task, and a new connection costs more than grading a submission). Read under this exact key.
app.conf.update(CELERY_DB_REUSE_MAX=500)
app.autodiscover_tasks()

@worker_init.connect
def refuse_to_start_without_a_sandbox(**kwargs) -> None:
    """A worker that cannot sandbox code must not take grading jobs: it stops at start-up, saying why."""
    from grader.sandbox.launcher import SandboxUnavailable, check_sandbox

    try:
        check_sandbox()
    except SandboxUnavailable as exc:
        raise SystemExit(f"MLAssess worker refuses to start: {exc}") from None


def _commit_without_waiting_for_the_disk(sender, connection, **kwargs) -> None:
    """A worker's commits return before PostgreSQL has flushed them to disk (asynchronous commit).

    Safe because everything a worker writes can be done again: a commit lost to a database crash (the last
    few hundred milliseconds at most) leaves its submission queued or running, and the sweep grades it again.
    The web server, which stores submissions themselves, keeps synchronous commits.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")


@worker_process_init.connect
def commit_asynchronously(**kwargs) -> None:
    from django.db.backends.signals import connection_created

    connection_created.connect(_commit_without_waiting_for_the_disk)


@worker_process_init.connect
def start_zygotes(**kwargs) -> None:
    """Each pool process keeps its own warm zygotes (grader/sandbox/warm.py); they start in the background and
    runs take the cold path until they are ready."""
    from grader.sandbox.launcher import start_zygotes

    start_zygotes()


@worker_process_shutdown.connect
def stop_zygotes(**kwargs) -> None:
    from grader.sandbox.launcher import stop_zygotes

    stop_zygotes()
