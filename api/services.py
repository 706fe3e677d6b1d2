"""Writes for the recruiter API: tokens, webhook endpoints and webhook deliveries."""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import User
from api import webhooks
from api.models import ApiToken, ApiTokenUsage, DeliveryState, TokenScope, WebhookDelivery, WebhookEndpoint, WebhookEvent

log = logging.getLogger(__name__)

TOKEN_PREFIX = "mla_"
TOKEN_MAX_DAYS = 365
TOKEN_LAST_USED_RESOLUTION = timedelta(minutes=1)  # at most one write per token and minute, not one per request


# ---------------------------------------------------------------------------------------------------------------
# Tokens


def token_hash(secret: str) -> str:
    """The stored form of a token's secret (SHA-256, hex): enough for a random 256-bit secret, and fast to check."""
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, organisation, created_by: User, name: str, scope: str, expires_in_days: int) -> tuple[ApiToken, str]:
    """Create a token for a recruiter's organisation; returns it with its secret, which is never stored or shown again.

    Raises ValidationError for an empty name, an unknown scope or an expiry outside 1..TOKEN_MAX_DAYS days.
    """
    errors = {}
    if not name.strip():
        errors["name"] = "Give the token a name, to tell it apart later."
    if scope not in TokenScope.values:
        errors["scope"] = f"Choose a scope: {', '.join(TokenScope.values)}."
    if not 1 <= expires_in_days <= TOKEN_MAX_DAYS:
        errors["expires_in_days"] = f"A token lives between 1 and {TOKEN_MAX_DAYS} days."
    if errors:
        raise ValidationError(errors)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        organisation=organisation, created_by=created_by, name=name.strip(), prefix=secret[:10],
        secret_hash=token_hash(secret), scope=scope, created_at=now, expires_at=now + timedelta(days=expires_in_days),
    )
    return token, secret


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke a token: it fails from the next request on. Revoking twice keeps the first time."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_used(*, token: ApiToken) -> None:
    """Note that a token was used, to the minute (one small UPDATE a minute per token, not one per request)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOKEN_LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def api_request_count(*, token: ApiToken, period_seconds: int, now: float | None = None) -> tuple[int, float]:
    """Count one request of the token in the rate limit's current window (fixed windows of `period_seconds`).
    Returns how many it has made in this window, this one included, and the seconds until the window ends.

    One atomic statement (an upsert that returns the count, the same SQL on PostgreSQL and SQLite): requests sent
    in parallel each get their own count, so no more than the limit pass. (DRF's throttle read the history from
    the cache and wrote it back: parallel requests overwrote each other's, and 900 passed a limit of 600.)
    """
    now = time.time() if now is None else now
    window = int(now // period_seconds)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {ApiTokenUsage._meta.db_table} (token_id, window_index, requests) VALUES (%s, %s, 1) "
            f"ON CONFLICT (token_id, window_index) DO UPDATE SET requests = {ApiTokenUsage._meta.db_table}.requests + 1 "
            "RETURNING requests",
            [token.pk, window],
        )
        (count,) = cursor.fetchone()
    if count == 1:  # a new window: the token's earlier ones are done with
        ApiTokenUsage.objects.filter(token=token, window_index__lt=window).delete()
    return count, (window + 1) * period_seconds - now


# The demo recruiter's token (`load_demo`, for `make run`): published like the demo password, for local demos only.
DEMO_API_TOKEN = "mla_demo-recruiter-token-for-local-demos-only"
DEMO_API_TOKEN_NAME = "Demo token (published secret)"


@transaction.atomic
def demo_api_token_ensure(*, recruiter: User) -> ApiToken | None:
    """Give the demo recruiter a read-and-write token whose secret is DEMO_API_TOKEN, valid for 30 days from now
    (replacing the one of an earlier run). None when the recruiter has no organisation."""
    from recruiting.selectors import organisation_of

    organisation = organisation_of(recruiter=recruiter)
    if organisation is None:
        return None
    ApiToken.objects.filter(secret_hash=token_hash(DEMO_API_TOKEN)).delete()
    now = timezone.now()
    return ApiToken.objects.create(
        organisation=organisation, created_by=recruiter, name=DEMO_API_TOKEN_NAME, prefix=DEMO_API_TOKEN[:10],
        secret_hash=token_hash(DEMO_API_TOKEN), scope=TokenScope.READ_WRITE, created_at=now,
        expires_at=now + timedelta(days=30),
    )


# ---------------------------------------------------------------------------------------------------------------
# Webhook endpoints


def _clean_endpoint(*, url: str, events: list[str]) -> list[str]:
    errors = {}
    try:
        webhooks.destination_check(url)
    except webhooks.UnsafeDestination as exc:
        errors["url"] = str(exc)
    unknown = sorted(set(events) - set(WebhookEvent.values))
    if unknown:
        errors["events"] = f"Unknown events: {', '.join(unknown)}."
    elif not events:
        errors["events"] = "Choose at least one event."
    if errors:
        raise ValidationError(errors)
    return [e for e in WebhookEvent.values if e in events]


@transaction.atomic
def webhook_endpoint_create(*, organisation, created_by: User, url: str, events: list[str],
                            description: str = "") -> WebhookEndpoint:
    """Register a URL for events, with a new signing secret. Raises ValidationError for a URL we would refuse to
    call (see api.webhooks.destination_check) or an empty or unknown event list."""
    events = _clean_endpoint(url=url, events=events)
    return WebhookEndpoint.objects.create(
        organisation=organisation, created_by=created_by, url=url, events=events, description=description.strip(),
        secret=webhooks.secret_generate(),
    )


def webhook_endpoint_enable(*, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """Turn an endpoint on again (after it was disabled for failing), with its failure count back at zero."""
    endpoint.enabled, endpoint.failure_count, endpoint.disabled_at, endpoint.disabled_reason = True, 0, None, ""
    endpoint.save(update_fields=["enabled", "failure_count", "disabled_at", "disabled_reason"])
    return endpoint


def webhook_endpoint_disable(*, endpoint: WebhookEndpoint, reason: str) -> WebhookEndpoint:
    """Stop sending to an endpoint; pending deliveries to it fail. The organisation's recruiters are told."""
    endpoint.enabled, endpoint.disabled_at, endpoint.disabled_reason = False, timezone.now(), reason[:300]
    endpoint.save(update_fields=["enabled", "disabled_at", "disabled_reason"])
    endpoint.deliveries.filter(state=DeliveryState.PENDING).update(
        state=DeliveryState.FAILED, next_attempt_at=None, last_error="The endpoint was disabled."
    )
    recipients = [u.email for u in _organisation_recruiters(endpoint.organisation) if u.email]
    if recipients:
        send_mail(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Webhook endpoint disabled: {endpoint.url}",
            message=(
                f"We stopped sending webhooks to {endpoint.url}: {reason}\n\n"
                "Fix the receiver, then enable the endpoint again under Recruiter → Webhooks, where you can also "
                "send failed deliveries again."
            ),
            from_email=None, recipient_list=recipients, fail_silently=True,
        )
    return endpoint


def _organisation_recruiters(organisation) -> list[User]:
    from api.selectors import organisation_recruiters

    return list(organisation_recruiters(organisation=organisation))


def webhook_endpoint_delete(*, endpoint: WebhookEndpoint) -> None:
    """Remove an endpoint and its delivery log."""
    endpoint.delete()


# ---------------------------------------------------------------------------------------------------------------
# Deliveries


def _envelope(event: str, data: dict, when) -> dict:
    return {"type": event, "timestamp": when.isoformat(), "data": data}


def _queue(delivery: WebhookDelivery) -> None:
    from api.tasks import deliver_webhook

    delivery_id, attempt = delivery.pk, delivery.attempts
    transaction.on_commit(lambda: deliver_webhook.delay(delivery_id, attempt))


@transaction.atomic
def webhook_event_dispatch(*, organisations, event: str, data: dict) -> list[WebhookDelivery]:
    """Queue one delivery of an event to each enabled endpoint of these organisations that subscribes to it.

    Sent after the transaction commits, by the Celery task api.tasks.deliver_webhook.
    """
    if event not in WebhookEvent.values:
        raise ValueError(f"Unknown webhook event {event!r}")
    now = timezone.now()
    payload = json.loads(json.dumps(_envelope(event, data, now), cls=DjangoJSONEncoder))
    deliveries = []
    endpoints = WebhookEndpoint.objects.filter(organisation__in=organisations, enabled=True)
    for endpoint in endpoints:
        if event not in endpoint.events:
            continue
        delivery = WebhookDelivery.objects.create(endpoint=endpoint, event=event, payload=payload, created_at=now,
                                                  next_attempt_at=now)
        _queue(delivery)
        deliveries.append(delivery)
    return deliveries


def retry_delay(attempts: int) -> float:
    """Seconds to wait after the n-th failed attempt: exponential (base, 2·base, 4·base…), capped at a day."""
    return min(settings.WEBHOOKS_RETRY_BASE_SECONDS * 2 ** (attempts - 1), 86_400)


def webhook_delivery_attempt(*, delivery_id: int, attempt: int) -> float | None:
    """Make attempt number `attempt + 1` of a delivery; returns the delay before the next attempt, or None.

    Idempotent: the attempt is claimed with a conditional UPDATE (pending, `attempt` attempts so far), so a
    duplicate message finds it claimed and leaves. A 2xx answer delivers it; anything else (another status, a
    redirect, a timeout, a refused address) counts against the delivery and, in a row, against the endpoint,
    which is disabled after WEBHOOKS_DISABLE_AFTER_FAILURES failures in a row.
    """
    now = timezone.now()
    claimed = WebhookDelivery.objects.filter(pk=delivery_id, state=DeliveryState.PENDING, attempts=attempt).update(
        state=DeliveryState.SENDING, attempts=attempt + 1, last_attempt_at=now, next_attempt_at=None
    )
    if not claimed:
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if not endpoint.enabled:
        WebhookDelivery.objects.filter(pk=delivery_id).update(state=DeliveryState.FAILED,
                                                              last_error="The endpoint is disabled.")
        return None
    body = json.dumps(delivery.payload, separators=(",", ":"))
    headers = webhooks.signed_headers(secret=endpoint.secret, message_id=delivery.message_id,
                                      timestamp=int(now.timestamp()), body=body)
    response = webhooks.post(url=endpoint.url, headers=headers, body=body, timeout=settings.WEBHOOKS_TIMEOUT_SECONDS)
    return _attempt_record(delivery=delivery, response=response)


@transaction.atomic
def _attempt_record(*, delivery: WebhookDelivery, response: webhooks.Response) -> float | None:
    endpoint = WebhookEndpoint.objects.select_for_update().get(pk=delivery.endpoint_id)
    delivery.last_status_code = response.status
    delivery.last_response_ms = response.elapsed_ms
    delivery.last_response_body = response.body
    fields = ["state", "last_status_code", "last_response_ms", "last_response_body", "last_error", "next_attempt_at",
              "delivered_at"]
    if response.ok:
        delivery.state, delivery.delivered_at, delivery.last_error = DeliveryState.DELIVERED, timezone.now(), ""
        delivery.save(update_fields=fields)
        if endpoint.failure_count:
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failure_count=0)
        return None
    delivery.last_error = response.error or f"The receiver answered {response.status}, not 2xx."
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failure_count=F("failure_count") + 1)
    endpoint.refresh_from_db(fields=["failure_count"])
    if delivery.attempts < settings.WEBHOOKS_MAX_ATTEMPTS:
        delay = retry_delay(delivery.attempts)
        delivery.state, delivery.next_attempt_at = DeliveryState.PENDING, timezone.now() + timedelta(seconds=delay)
    else:
        delay = None
        delivery.state, delivery.next_attempt_at = DeliveryState.FAILED, None
    delivery.save(update_fields=fields)
    if endpoint.enabled and endpoint.failure_count >= settings.WEBHOOKS_DISABLE_AFTER_FAILURES:
        webhook_endpoint_disable(
            endpoint=endpoint,
            reason=f"{endpoint.failure_count} delivery attempts in a row failed (the last: {delivery.last_error})",
        )
        return None
    return delay


@transaction.atomic
def webhook_delivery_redeliver(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery's message again, as a new delivery with the same `webhook-id` and payload (so a receiver
    that did get it once can tell). Raises ValidationError while the endpoint is disabled, and while this delivery
    is still being tried (it would be sent twice)."""
    if not delivery.endpoint.enabled:
        raise ValidationError("Enable the endpoint again before sending to it.")
    if delivery.state in (DeliveryState.PENDING, DeliveryState.SENDING):
        raise ValidationError("This delivery is still being tried; send it again once it has failed or been delivered.")
    again = WebhookDelivery.objects.create(endpoint=delivery.endpoint, event=delivery.event, payload=delivery.payload,
                                           message_id=delivery.message_id, next_attempt_at=timezone.now())
    _queue(again)
    return again


STUCK_SENDING = timedelta(minutes=5)
LOST_MESSAGE_GRACE = timedelta(minutes=2)


def webhook_deliveries_sweep() -> int:
    """Queue again what a lost message or a dead worker left behind: deliveries pending well past their time,
    and deliveries "sending" for longer than any attempt takes (that attempt counts as made). Returns how many."""
    now = timezone.now()
    stuck = WebhookDelivery.objects.filter(state=DeliveryState.SENDING, last_attempt_at__lt=now - STUCK_SENDING)
    stuck_ids = list(stuck.values_list("pk", flat=True))
    stuck.update(state=DeliveryState.PENDING, next_attempt_at=now,
                 last_error="The worker sending it stopped before it finished; sent again.")
    due = list(WebhookDelivery.objects.filter(
        Q(pk__in=stuck_ids) | Q(next_attempt_at__lt=now - LOST_MESSAGE_GRACE), state=DeliveryState.PENDING
    ))
    for delivery in due:
        _queue(delivery)
    return len(due)
