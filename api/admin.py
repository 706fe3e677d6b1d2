"""Read-only admin views of tokens and webhooks, for support: recruiters manage them on their own pages."""

from django.contrib import admin

from mlassess.admin import ReadOnlyAdmin

from api.models import ApiToken, WebhookDelivery, WebhookEndpoint



@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["name", "prefix", "organisation", "created_by", "scope", "created_at", "expires_at", "revoked_at",
                    "last_used_at"]
    list_filter = ["scope"]
    exclude = ["secret_hash"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(ReadOnlyAdmin):
    list_display = ["url", "organisation", "enabled", "failure_count", "disabled_at", "created_at"]
    list_filter = ["enabled"]
    exclude = ["secret"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnlyAdmin):
    list_display = ["event", "endpoint", "state", "attempts", "last_status_code", "last_response_ms", "created_at"]
    list_filter = ["state", "event"]
