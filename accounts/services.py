"""Writes for users: consent to share, role changes, ending sessions and the demo accounts.

Sign-up, e-mail verification, password reset and two-factor set-up are django-allauth's (accounts/adapters.py).
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from allauth.usersessions.models import UserSession
from django.contrib.auth import logout
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import Role, User
from accounts.selectors import email_verified, two_factor_required


def profile_sharing_set(*, user: User, share: bool) -> User:
    """Record a candidate's choice whether recruiters may see their profile.

    Sharing needs a verified e-mail address, so recruiters only ever reach a real person; turning sharing off
    is always allowed. Raises ValidationError (with a message for the candidate) otherwise.
    """
    if share and not user.is_candidate:
        raise ValueError("Only candidates have a profile to share.")
    if share and not email_verified(user=user):
        raise ValidationError(
            "Verify your e-mail address before sharing your profile: follow the link we sent to "
            f"{user.email}, or ask for a new one in your e-mail settings."
        )
    changed = user.share_profile != share
    user.share_profile = share
    user.save(update_fields=["share_profile"])
    if changed:
        from recruiting.services import candidate_sharing_changed  # webhooks: candidate.shared / .unshared

        candidate_sharing_changed(candidate=user, share=share)
    return user


@transaction.atomic
def user_role_set(*, user: User, role: str) -> User:
    """Give a user a role. Authors read content and results in the admin, so they are staff; nobody else is.

    Superuser status is separate: only a superuser grants it, in the admin.
    """
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}; expected one of {', '.join(Role.values)}.")
    user.role = role
    user.is_staff = role == Role.AUTHOR or user.is_superuser  # a superuser keeps the admin whatever the role
    if role != Role.CANDIDATE:
        user.share_profile = False
    user.save(update_fields=["role", "is_staff", "share_profile"])
    authors = _authors_group()
    if role == Role.AUTHOR:
        user.groups.add(authors)
    else:
        user.groups.remove(authors)
    return user


# What authors may do in the admin: read everything about content and results. They manage no users, roles
# or permissions (only superusers do), so an author can never make anyone, themselves included, a superuser.
# Content itself changes on disk and through sync_bank, so versions stay immutable.
AUTHOR_PERMISSIONS = [
    ("questions", "view_stage"),
    ("questions", "view_topic"),
    ("questions", "view_question"),
    ("questions", "view_questionversion"),
    ("questions", "view_attempt"),
    ("grader", "view_submission"),
    ("reviews", "view_graderecord"),
]


def _authors_group() -> Group:
    """The Authors group, its permissions reset to exactly AUTHOR_PERMISSIONS (dropping any granted before)."""
    group, _ = Group.objects.get_or_create(name="Authors")
    wanted = {Permission.objects.get(content_type__app_label=app, codename=code) for app, code in AUTHOR_PERMISSIONS}
    if set(group.permissions.all()) != wanted:
        group.permissions.set(wanted)
    return group


def sessions_end_everywhere(*, request) -> int:
    """Log the requesting user out of every browser and device, this one included. Returns how many ended."""
    sessions = list(UserSession.objects.filter(user=request.user))
    for session in sessions:
        session.end()
    logout(request)
    return len(sessions)


DEMO_PASSWORD = "demo-pass-2026"
# The demo staff accounts log in with a TOTP code from this published secret (load_demo prints it, and
# `manage.py demo_totp_code` prints the current code): for local demos only, like DEMO_PASSWORD.
DEMO_TOTP_SECRET = "MLASSESSDEMOSECRETFORLOCALDEMOS2"
DEMO_ACCOUNTS = [
    ("candidate", Role.CANDIDATE),
    ("reviewer", Role.REVIEWER),
    ("recruiter", Role.RECRUITER),
    ("author", Role.AUTHOR),
]


@transaction.atomic
def demo_accounts_ensure() -> list[User]:
    """Create (or reset) one demo account per role: DEMO_PASSWORD, a verified address, and for those who need
    a second factor, a TOTP authenticator on DEMO_TOTP_SECRET. For local set-ups only."""
    users = []
    for username, role in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.com"})
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user_role_set(user=user, role=role)
        EmailAddress.objects.filter(user=user).delete()
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        Authenticator.objects.filter(user=user).delete()
        if two_factor_required(user=user):
            TOTP.activate(user, DEMO_TOTP_SECRET)
        if role == Role.CANDIDATE:
            profile_sharing_set(user=user, share=True)
        users.append(user)
    return users
