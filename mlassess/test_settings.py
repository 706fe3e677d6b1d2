"""Settings for the test suite: the production settings, served over plain HTTP to the test client."""

import os

os.environ.setdefault("DJANGO_HTTPS", "0")

from mlassess.settings import *  # noqa: E402,F403

# The manifest needs `collectstatic`; tests render templates without running it.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405

# One process: rate limits and used TOTP codes in memory, emptied before each test (tests/conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
