"""The Celery app. Configuration comes from Django settings (the CELERY_* names)."""

import os

from celery import Celery
from celery.signals import task_failure, worker_init, worker_process_init, worker_process_shutdown

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


@worker_process_init.connect
def set_up_worker_database_sessions(**kwargs) -> None:
    """A worker's PostgreSQL sessions get their settings when they connect: no statement per task for them.

    And a statement a connection has run five times is prepared: PostgreSQL then skips parsing and planning the
    dozen statements every grading repeats (about a third of its CPU per grading, `make bench`'s "by part").
    Only in workers: their connections close after a database error (below), the web's may live on.
    """
    from django.db import connections

    from grader.services import worker_session_options

    for connection in connections.all():
        if connection.vendor == "postgresql":
            options = connection.settings_dict.setdefault("OPTIONS", {})
            options["options"] = f"{options.get('options', '')} {worker_session_options()}".strip()
            options.setdefault("prepare_threshold", 5)


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


@task_failure.connect
def renew_database_connections_after_a_database_error(exception=None, **kwargs) -> None:
    """A task that failed on a database error closes this process's connections: the next task opens new ones.

    A worker's connection keeps its prepared statements, and one that a migration made stale (another process
    changed a column's type under it) fails every time it runs on that connection, until the connection goes:
    psycopg forgets them only after its own connection's DDL or rollback.
    """
    from django.db import DatabaseError, connections

    if isinstance(exception, DatabaseError):
        for connection in connections.all(initialized_only=True):
            connection.close()
