"""Requests per API token (settings.API_TOKEN_RATE); over it, 429 with Retry-After (DRF adds the header)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from api.models import ApiToken


class ApiTokenRateThrottle(SimpleRateThrottle):
    scope = "api_token"

    def get_rate(self):
        return settings.API_TOKEN_RATE  # read per request, so a deployment (or a test) sets it without a restart

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return None  # no token, no request to count: authentication failed already
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
