from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Recruiter API and webhooks"

    def ready(self):
        from api import receivers  # noqa: F401  (connects the webhook events to the recruiting signals)
