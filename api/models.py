"""Recruiter API tokens and webhooks. The organisation, listings and applications live in recruiting/."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class TokenScope(models.TextChoices):
    READ = "read", "Read"
    READ_WRITE = "read_write", "Read and write"


class ApiToken(models.Model):
    """A recruiter's API token. The secret is shown once; only its SHA-256 is stored."""

    organisation = models.ForeignKey("recruiting.Organisation", on_delete=models.CASCADE, related_name="api_tokens")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16, help_text="The first characters of the secret, to recognise it by.")
    secret_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the secret, in hex.")
    scope = models.CharField(max_length=16, choices=TokenScope.choices, default=TokenScope.READ)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(scope__in=TokenScope.values), name="api_token_scope_valid"),
            models.CheckConstraint(condition=models.Q(expires_at__gt=models.F("created_at")),
                                   name="api_token_expires_after_creation"),
        ]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.READ_WRITE

    def is_live(self, now=None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class ApiTokenUsage(models.Model):
    """How many requests a token made in one window of the rate limit (api.services.api_request_count)."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    window_index = models.BigIntegerField(help_text="Which window: whole windows since the epoch.")
    requests = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["token", "window_index"], name="api_token_usage_one_row_per_window")]


class WebhookEvent(models.TextChoices):
    APPLICATION_CREATED = "application.created", "A candidate applied to a listing"
    APPLICATION_WITHDRAWN = "application.withdrawn", "A candidate withdrew an application"
    APPLICATION_STATUS_CHANGED = "application.status_changed", "An application's status changed"
    CANDIDATE_SHARED = "candidate.shared", "A candidate started sharing their profile"
    CANDIDATE_UNSHARED = "candidate.unshared", "A candidate stopped sharing their profile"


class WebhookEndpoint(models.Model):
    """A URL of an organisation's that receives signed events."""

    organisation = models.ForeignKey("recruiting.Organisation", on_delete=models.CASCADE, related_name="webhook_endpoints")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    url = models.URLField(max_length=500)
    description = models.CharField(max_length=200, blank=True)
    events = models.JSONField(default=list, help_text="The event types sent here (WebhookEvent values).")
    secret = models.CharField(max_length=64, help_text="The signing secret (whsec_…), shown to the organisation.")
    enabled = models.BooleanField(default=True)
    failure_count = models.PositiveIntegerField(default=0, help_text="Failed attempts in a row; a success resets it.")
    disabled_at = models.DateTimeField(null=True, blank=True)
    disabled_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(enabled=False) | models.Q(disabled_at__isnull=True),
                                   name="webhook_endpoint_enabled_not_disabled"),
        ]

    def __str__(self):
        return self.url


def _message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Sending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"


class WebhookDelivery(models.Model):
    """One event sent to one endpoint, with every attempt's outcome summarised (the last one in full)."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=40, choices=WebhookEvent.choices)
    # The `webhook-id` header: the same on every attempt of this message (and on a redelivery), so receivers
    # can deduplicate.
    message_id = models.CharField(max_length=40, db_index=True, default=_message_id)
    payload = models.JSONField()
    state = models.CharField(max_length=16, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_response_ms = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    last_response_body = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "webhook deliveries"
        constraints = [
            models.CheckConstraint(condition=models.Q(state__in=DeliveryState.values), name="webhook_delivery_state_valid"),
        ]
        indexes = [
            models.Index(fields=["endpoint", "-created_at"]),
            models.Index(fields=["state", "next_attempt_at"]),
        ]

    def __str__(self):
        return f"{self.event} → {self.endpoint} ({self.state})"

