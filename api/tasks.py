"""Celery entry points for webhooks: thin callers of api.services."""

from celery import shared_task

from api import services


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def deliver_webhook(delivery_id: int, attempt: int) -> None:
    """Make one attempt of a delivery; on failure, queue the next one after the backoff delay."""
    delay = services.webhook_delivery_attempt(delivery_id=delivery_id, attempt=attempt)
    if delay is not None:
        deliver_webhook.apply_async((delivery_id, attempt + 1), countdown=delay)


@shared_task(ignore_result=True)
def sweep_webhook_deliveries() -> None:
    """Queue again deliveries whose message was lost (beat runs this every minute)."""
    services.webhook_deliveries_sweep()
