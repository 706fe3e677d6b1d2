"""Staff, reviewers and recruiters set up their second factor before they see anything else."""

from django.contrib import messages
from django.shortcuts import redirect

from accounts.selectors import two_factor_enabled, two_factor_required

# Their own account pages (setting up TOTP, verifying the e-mail address it needs, logging out) stay open.
OPEN_PATHS = ("/accounts/", "/static/", "/healthz")


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(OPEN_PATHS)
            and two_factor_required(user=user)
            and not two_factor_enabled(user=user)
        ):
            messages.warning(
                request,
                f"As a {user.get_role_display().lower()} you see candidates' data, so your account needs "
                "two-factor authentication: set up an authenticator app first.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
