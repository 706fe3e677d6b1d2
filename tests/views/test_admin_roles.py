"""What the admin lets each role see and change. Authors edit content; only superusers manage users, roles and
permissions; nobody but the candidate changes the candidate's consent to share."""

import pytest
from django.contrib.auth.models import Group

from accounts.models import Role, User
from accounts.services import user_role_set
from tests.conftest import make_account

pytestmark = pytest.mark.django_db

USERS = "/admin/accounts/user/"


@pytest.fixture
def superuser(db):
    return make_account("root", Role.AUTHOR, is_superuser=True)


def change_form_data(user: User, **changes) -> dict:
    """What the admin's user change form posts when nothing but `changes` is edited."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "is_active": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not False}


def test_authors_cannot_open_or_change_users(client, author, candidate):
    client.force_login(author)
    assert client.get(USERS).status_code == 403
    for target in (candidate, author):
        assert client.get(f"{USERS}{target.pk}/change/").status_code == 403
        response = client.post(f"{USERS}{target.pk}/change/", change_form_data(target, is_superuser="on", is_staff="on"))
        assert response.status_code == 403
        target.refresh_from_db()
        assert not target.is_superuser
    assert client.get(f"{USERS}add/").status_code == 403
    assert not author.user_permissions.exists() and not author.groups.exclude(name="Authors").exists()


def test_authors_see_content_but_not_users_groups_or_periodic_tasks(client, author):
    client.force_login(author)
    index = client.get("/admin/").content.decode()
    assert "Questions" in index and "Submissions" in index
    for hidden in ("Users", "Groups", "Periodic tasks", "Intervals", "Crontabs"):
        assert hidden not in index, hidden
    assert client.get("/admin/questions/question/").status_code == 200
    assert client.get("/admin/grader/submission/").status_code == 200
    for url in ("/admin/auth/group/", "/admin/django_celery_beat/periodictask/", "/admin/django_celery_beat/crontabschedule/"):
        assert client.get(url).status_code == 403, url


def test_authors_who_had_user_permissions_lose_them(author):
    """Installations from before this fix gave the Authors group view_user and change_user."""
    from django.contrib.auth.models import Permission

    authors = Group.objects.get(name="Authors")
    authors.permissions.add(*Permission.objects.filter(content_type__app_label="accounts"))
    user_role_set(user=author, role=Role.AUTHOR)
    assert not authors.permissions.filter(content_type__app_label="accounts").exists()
    assert not User.objects.get(pk=author.pk).has_perm("accounts.change_user")


@pytest.mark.parametrize("role", ["candidate", "reviewer", "recruiter"])
def test_other_roles_get_no_admin_at_all(request, client, role):
    client.force_login(request.getfixturevalue(role))
    for url in ("/admin/", USERS, "/admin/questions/question/", "/admin/auth/group/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url


def test_superusers_manage_roles_and_superuser_status(client, superuser, candidate):
    client.force_login(superuser)
    assert client.get(f"{USERS}{candidate.pk}/change/").status_code == 200
    response = client.post(f"{USERS}{candidate.pk}/change/", change_form_data(candidate, role=Role.REVIEWER))
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.role == Role.REVIEWER and not candidate.is_staff


def test_nobody_changes_a_candidates_consent_in_the_admin(client, superuser, candidate):
    client.force_login(superuser)
    page = client.get(f"{USERS}{candidate.pk}/change/").content.decode()
    assert 'name="share_profile"' not in page  # shown read-only
    client.post(f"{USERS}{candidate.pk}/change/", change_form_data(candidate, share_profile="on"))
    candidate.refresh_from_db()
    assert not candidate.share_profile

    candidate.share_profile = True
    candidate.save()
    client.post(f"{USERS}{candidate.pk}/change/", change_form_data(candidate, share_profile=False))
    candidate.refresh_from_db()
    assert candidate.share_profile
