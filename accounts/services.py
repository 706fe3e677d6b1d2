"""Writes for users: sign-up, consent to share, role changes and the demo accounts."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from accounts.models import Role, User


@transaction.atomic
def candidate_sign_up(*, username: str, email: str, password: str, share_profile: bool = False) -> User:
    """Create a candidate account. Sharing with recruiters is off unless the candidate turns it on."""
    return User.objects.create_user(
        username=username,
        email=email,
        password=password,
        role=Role.CANDIDATE,
        share_profile=share_profile,
    )


def profile_sharing_set(*, user: User, share: bool) -> User:
    """Record a candidate's choice whether recruiters may see their profile."""
    if share and not user.is_candidate:
        raise ValueError("Only candidates have a profile to share.")
    user.share_profile = share
    user.save(update_fields=["share_profile"])
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
    ("grader", "view_submissiongrade"),
]


def _authors_group() -> Group:
    """The Authors group, its permissions reset to exactly AUTHOR_PERMISSIONS (dropping any granted before)."""
    group, _ = Group.objects.get_or_create(name="Authors")
    wanted = {Permission.objects.get(content_type__app_label=app, codename=code) for app, code in AUTHOR_PERMISSIONS}
    if set(group.permissions.all()) != wanted:
        group.permissions.set(wanted)
    return group


DEMO_PASSWORD = "demo-pass-2026"
DEMO_ACCOUNTS = [
    ("candidate", Role.CANDIDATE),
    ("reviewer", Role.REVIEWER),
    ("recruiter", Role.RECRUITER),
    ("author", Role.AUTHOR),
]


@transaction.atomic
def demo_accounts_ensure() -> list[User]:
    """Create (or reset) one demo account per role, all with DEMO_PASSWORD. For local set-ups only."""
    users = []
    for username, role in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.com"})
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user_role_set(user=user, role=role)
        if role == Role.CANDIDATE:
            profile_sharing_set(user=user, share=True)
        users.append(user)
    return users
