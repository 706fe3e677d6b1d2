"""Real Celery worker processes for tests that need one (integration and browser tests)."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.db import connection


def real_services_available() -> bool:
    """A separate worker process can share the test database and broker only on PostgreSQL and Redis."""
    return connection.vendor == "postgresql" and bool(settings.REDIS_URL)


def start_worker(concurrency=2, queues="grading", pool="prefork"):
    """A Celery worker in its own process group, on the test database and the test broker. Grading workers are
    deployed with the solo pool (docker-compose.yml); the embedded set-up runs a prefork pool for both queues."""
    db = dict(connection.settings_dict)
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "mlassess.test_settings",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "mlassess", "worker", "--queues", queues, "--pool", pool,
         *(["--concurrency", str(concurrency)] if pool != "solo" else []), "--loglevel", "WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=settings.BASE_DIR, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def stop(worker, sig=signal.SIGTERM):
    try:
        os.killpg(worker.pid, sig)
    except ProcessLookupError:
        pass
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


def wait_for(predicate, timeout=180, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
