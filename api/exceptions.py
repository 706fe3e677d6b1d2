"""Services raise Django's ValidationError; the API answers it as DRF does its own: 400 with messages per field."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connections
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    # API views run without a request-wide transaction (api/urls.py), so DRF's rollback-on-error has nothing of
    # theirs to undo (each service rolls its own back); it would only doom a transaction around the request (a
    # test's), so it is undone here.
    doomed = {conn.alias: conn.needs_rollback for conn in connections.all(initialized_only=True)}
    response = drf_exception_handler(exc, context)
    for conn in connections.all(initialized_only=True):
        conn.needs_rollback = doomed.get(conn.alias, False)
    return response
