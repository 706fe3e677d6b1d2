"""Settings, the health endpoint and the embedded broker."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from kombu import Connection

from mlassess.broker import Transport

ROOT = Path(settings.BASE_DIR)


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mlassess.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "1",
        "DJANGO_SECRET_KEY": "x" * 20 + "production-secret-key-with-enough-entropy-9f8e7d6c5b4a",
        "DJANGO_ALLOWED_HOSTS": "mlassess.example.com",
        "MLASSESS_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_by_default_and_a_secret_key_is_generated(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["MLASSESS_VAR_DIR"] = str(tmp_path)
    code = "from django.conf import settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT, len(s.SECRET_KEY))"
    result = subprocess.run(
        [sys.executable, "-c", f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='mlassess.settings'; django.setup(); {code}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.stdout.split() == ["False", "True", str(len((tmp_path / "secret_key").read_text()))]
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0  # readable by the owner only


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok"}


@pytest.mark.django_db
def test_healthz_fails_when_the_broker_is_unreachable(client, settings):
    from mlassess.celery import app

    old = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = old
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")


def test_folder_broker_delivers_whole_messages_and_leaves_no_partial_files(tmp_path):
    options = {"data_folder_in": str(tmp_path), "data_folder_out": str(tmp_path), "control_folder": str(tmp_path)}
    with Connection(transport=Transport, transport_options=options) as conn:
        queue = conn.SimpleQueue("grading")
        for i in range(20):
            queue.put({"submission_id": i})
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".partial")]
        received = []
        for _ in range(20):
            message = queue.get(timeout=2)
            received.append(message.payload["submission_id"])
            message.ack()
        queue.close()
    assert sorted(received) == list(range(20))
