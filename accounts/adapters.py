"""How django-allauth fits MLAssess: where people land after logging in or verifying, what the throttle says."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse

from accounts.selectors import account_id_for_login, home_url


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": (
            "Too many failed logins for this account or from your network. Wait five minutes and try again, "
            "or reset your password: the link we e-mail you logs you in at once."
        ),
    }

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """One count of failed logins per account, whether its username or its e-mail address is typed (allauth
        counts the text as typed: each spelling would get its own five tries). Unknown logins keep allauth's key."""
        account_id = account_id_for_login(login=credentials.get("email") or credentials.get("username") or "")
        if account_id is None:
            return super()._get_login_attempts_cache_key(request, **credentials)
        return f"{get_current_site(request).domain}:account-{account_id}"

    def get_login_redirect_url(self, request):
        return home_url(user=request.user)

    def get_signup_redirect_url(self, request):
        return reverse("roadmap")

    def get_email_verification_redirect_url(self, email_address):
        # The settings page, where sharing with recruiters has just become possible.
        return reverse("account-settings") if self.request.user.is_authenticated else reverse("account_login")

