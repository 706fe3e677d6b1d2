"""Recruiting events become webhook deliveries (recruiting.signals.organisation_event, sent after commit)."""

from django.dispatch import receiver

from api import services
from api.models import WebhookEvent
from recruiting.models import Organisation
from recruiting.signals import organisation_event


@receiver(organisation_event, dispatch_uid="api.webhooks")
def queue_webhooks(sender, *, organisation, event, data, **kwargs):
    if event not in WebhookEvent.values:
        return
    # organisation=None: every verified organisation (a candidate started or stopped sharing with all of them).
    organisations = [organisation] if organisation is not None else Organisation.objects.filter(verified_at__isnull=False)
    services.webhook_event_dispatch(organisations=organisations, event=event, data=data)
