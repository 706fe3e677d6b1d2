#!/usr/bin/env bash
# The embedded set-up, served like production: SQLite, a folder broker and one local Celery worker (with beat),
# gunicorn with DEBUG off and static files collected and served by whitenoise. No servers to install.
# The demo accounts are printed last, once the worker and the web server are both ready.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_DEBUG=0
# Plain HTTP on localhost: no redirect to HTTPS, no secure-only cookies, no HSTS. A real deployment keeps
# DJANGO_HTTPS on (the default when DEBUG is off) behind TLS.
export DJANGO_HTTPS=0
PORT="${MLASSESS_PORT:-8000}"
URL="http://127.0.0.1:$PORT"
export DJANGO_SITE_URL="${DJANGO_SITE_URL:-$URL}"  # links in e-mails
PY=.venv/bin/python
VAR="${MLASSESS_VAR_DIR:-var}"

$PY manage.py migrate --verbosity 0
$PY manage.py sync_bank
$PY manage.py collectstatic --noinput --verbosity 0
# The demo accounts' password is published in the README: fine for this local demo, never for a real site.
DEMO_ACCOUNTS="$($PY manage.py load_demo --with-public-demo-passwords)"

children=()
stop_children() {
  kill "${children[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop_children EXIT
trap 'exit 130' INT TERM

still_running() {  # $1: pid, $2: what it is
  if ! kill -0 "$1" 2>/dev/null; then
    echo "The $2 stopped while starting; see its messages above." >&2
    exit 1
  fi
}

.venv/bin/celery -A mlassess worker --beat --queues grading,celery --concurrency 2 --loglevel WARNING \
  --schedule "$VAR/celerybeat-schedule" &
WORKER=$!
children+=("$WORKER")
until .venv/bin/celery -A mlassess inspect ping --timeout 1 >/dev/null 2>&1; do
  still_running "$WORKER" "Celery worker"
  sleep 1
done

.venv/bin/gunicorn mlassess.wsgi --bind "127.0.0.1:$PORT" --workers 2 --threads 4 --log-level warning &
WEB=$!
children+=("$WEB")
until $PY -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$URL/healthz" 2>/dev/null; do
  still_running "$WEB" "web server (gunicorn)"
  sleep 0.5
done

echo
echo "$DEMO_ACCOUNTS"
echo
echo "MLAssess is running at $URL  (Ctrl-C stops the web server and the worker)"
wait -n "${children[@]}"
