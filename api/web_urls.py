from django.urls import path

from api import web_views

urlpatterns = [
    path("recruiter/api-tokens/", web_views.api_tokens, name="api-tokens"),
    path("recruiter/api-tokens/<int:token_id>/revoke/", web_views.api_token_revoke, name="api-token-revoke"),
    path("recruiter/webhooks/", web_views.webhooks, name="webhooks"),
    path("recruiter/webhooks/<int:endpoint_id>/", web_views.webhook_detail, name="webhook-detail"),
    path("recruiter/webhooks/<int:endpoint_id>/enable/", web_views.webhook_enable, name="webhook-enable"),
    path("recruiter/webhooks/<int:endpoint_id>/delete/", web_views.webhook_delete, name="webhook-delete"),
    path("recruiter/webhook-deliveries/<int:delivery_id>/redeliver/", web_views.webhook_redeliver,
         name="webhook-redeliver"),
]
