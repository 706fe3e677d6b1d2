"""The Celery app. Configuration comes from Django settings (the CELERY_* names)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mlassess.settings")

import mlassess.broker  # noqa: E402,F401  registers the "mlassessfs" transport

app = Celery("mlassess")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

