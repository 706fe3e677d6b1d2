"""The health check: can this process reach the database and the broker?"""

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from mlassess.celery import app as celery_app


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _check_broker() -> str:
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


def service_status() -> dict[str, str]:
    """"ok" or the error, per dependency."""
    status = {}
    for name, check in (("database", _check_database), ("broker", _check_broker)):
        try:
            status[name] = check()
        except Exception as exc:  # noqa: BLE001 - any failure is the answer
            status[name] = f"error: {type(exc).__name__}"
    return status


@never_cache
@require_GET
def healthz(request):
    status = service_status()
    healthy = all(v == "ok" for v in status.values())
    return JsonResponse({"status": "ok" if healthy else "error", **status}, status=200 if healthy else 503)
