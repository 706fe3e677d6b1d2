#!/usr/bin/env bash
# The embedded set-up: SQLite, a folder broker and one local Celery worker (with beat), no servers needed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_DEBUG="${DJANGO_DEBUG:-1}"
PY=.venv/bin/python
$PY manage.py migrate --verbosity 0
$PY manage.py sync_bank
$PY manage.py load_demo
.venv/bin/celery -A mlassess worker --beat --queues grading,celery --concurrency 2 --loglevel WARNING \
  --schedule var/celerybeat-schedule &
WORKER=$!
trap 'kill $WORKER 2>/dev/null; wait $WORKER 2>/dev/null' EXIT INT TERM
echo
echo "MLAssess is running at http://127.0.0.1:8000  (Ctrl-C stops the web server and the worker)"
$PY manage.py runserver 127.0.0.1:8000 --noreload
