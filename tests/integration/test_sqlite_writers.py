"""The embedded default: the web server and the local worker write one SQLite file at the same time."""

import os
import subprocess
import sys

from django.conf import settings

WRITER = """
import os, sys
import django
django.setup()
from django.db import transaction
from accounts.models import User

me = sys.argv[1]
for i in range(150):
    with transaction.atomic():          # what every request (ATOMIC_REQUESTS) and every grade does:
        User.objects.filter(username__startswith=me).count()   # read first ...
        User.objects.create(username=f"{me}-{i}")              # ... then write
print("ok")
"""


def test_two_processes_write_the_sqlite_file_at_once_without_database_is_locked(tmp_path):
    env = {**os.environ, "MLASSESS_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "mlassess.settings"}
    env.pop("DATABASE_URL", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], cwd=settings.BASE_DIR, env=env, check=True)
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, name], cwd=settings.BASE_DIR, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("web", "worker")
    ]
    results = [w.communicate(timeout=300) for w in writers]
    for (out, err), w in zip(results, writers):
        assert w.returncode == 0 and out.strip() == "ok", err[-2000:]
