from django.db import transaction
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from api import views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("candidates", views.CandidateViewSet, basename="candidate")
router.register("listings", views.ListingViewSet, basename="listing")
router.register("applications", views.ApplicationViewSet, basename="application")
router.register("webhooks", views.WebhookEndpointViewSet, basename="webhook")
router.register("webhook-deliveries", views.WebhookDeliveryViewSet, basename="webhook-delivery")

# No request-wide transaction (ATOMIC_REQUESTS) for the API: every write goes through a service that opens its own,
# and reads then cost no BEGIN/COMMIT round trips (nor, on SQLite, the write lock an immediate transaction takes).
for pattern in router.urls:
    transaction.non_atomic_requests(pattern.callback)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
