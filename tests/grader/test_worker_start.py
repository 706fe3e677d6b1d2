"""A worker without a working sandbox refuses to start, and says why."""

import os
import subprocess
import sys

from django.conf import settings


def test_worker_refuses_to_start_without_bubblewrap(tmp_path):
    env = {**os.environ, "PATH": "/nonexistent", "MLASSESS_VAR_DIR": str(tmp_path), "DJANGO_DEBUG": "1"}
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "celery", "-A", "mlassess", "worker", "-Q", "grading", "-c", "1"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "refuses to start" in result.stderr and "bubblewrap" in result.stderr
