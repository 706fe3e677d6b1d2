"""Requests per API token (settings.API_TOKEN_RATE); over it, 429 with Retry-After (DRF adds the header)."""

from django.conf import settings
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from api import services
from api.models import ApiToken


class ApiTokenRateThrottle(BaseThrottle):
    """Fixed windows of the rate's period, counted in the database (api.services.api_request_count): exact under
    parallel requests, and Retry-After is when the window ends, when the token may send again."""

    def allow_request(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return True  # no token, no request to count: authentication failed already
        # Read per request, so a deployment (or a test) sets it without a restart.
        # DRF's parser of "600/minute" (it reads nothing of the instance).
        limit, period = SimpleRateThrottle.parse_rate(self, settings.API_TOKEN_RATE)
        count, self.seconds_left = services.api_request_count(token=request.auth, period_seconds=period)
        return count <= limit

    def wait(self):
        return max(1.0, self.seconds_left)
