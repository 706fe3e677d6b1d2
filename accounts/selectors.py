"""Reads for users: where each role's pages start, and what their e-mail address and second factor allow."""

import time

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import is_mfa_enabled
from django.urls import reverse

from accounts.models import Role, User

# The page each role lands on after logging in. The reviewer queue and the recruiter board fill the
# reviewer and recruiter homes later; their URL names stay.
HOME_URL_NAMES = {
    Role.CANDIDATE: "roadmap",
    Role.REVIEWER: "reviewer-home",
    Role.RECRUITER: "recruiter-home",
    Role.AUTHOR: "author-home",
}


def home_url(*, user: User) -> str:
    """The URL of the user's own home page (the start page for someone not logged in)."""
    if not user.is_authenticated:
        return reverse("home")
    return reverse(HOME_URL_NAMES[user.role])


def account_id_for_login(*, login: str) -> int | None:
    """The account a login form's text names (its username or its e-mail address, in any case), if any."""
    login = login.strip()
    if not login:
        return None
    by = {"email__iexact": login} if "@" in login else {"username__iexact": login}
    return User.objects.filter(**by).values_list("pk", flat=True).first()


def email_verified(*, user: User) -> bool:
    """Whether the user's current e-mail address has been verified (by following the link mailed to it)."""
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def two_factor_required(*, user: User) -> bool:
    """Everyone who sees candidates' data (staff, reviewers, recruiters) must log in with a second factor."""
    return user.role in (Role.REVIEWER, Role.RECRUITER, Role.AUTHOR) or user.is_staff or user.is_superuser


def two_factor_enabled(*, user: User) -> bool:
    """Whether the user logs in with a TOTP code (an authenticator app) after the password."""
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def totp_code(*, secret: str, steps_ahead: int = 0) -> str:
    """The TOTP code an authenticator app shows now for this base32 secret (or `steps_ahead` 30 s steps on)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + steps_ahead))
