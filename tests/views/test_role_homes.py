"""Each role lands on a home of its own after logging in; another role's page is a clear 403 with a way home."""

import pytest
from django.urls import reverse

from accounts.selectors import totp_code
from tests.conftest import PASSWORD, TOTP_SECRET

pytestmark = pytest.mark.django_db

HOMES = {"candidate": "roadmap", "reviewer": "reviewer-home", "recruiter": "recruiter-home", "author": "author-home"}


@pytest.mark.parametrize("role", HOMES)
def test_logging_in_lands_on_the_roles_home(request, client, role):
    user = request.getfixturevalue(role)
    response = client.post(reverse("account_login"), {"login": user.username, "password": PASSWORD})
    if role != "candidate":  # those who see candidates' data give their second factor first
        assert response["Location"] == reverse("mfa_authenticate")
        response = client.post(response["Location"], {"code": totp_code(secret=TOTP_SECRET)})
    assert response.status_code == 302 and response["Location"] == reverse(HOMES[role])
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "role, says",
    [
        ("reviewer", ["review queue", "Coming next"]),
        ("recruiter", ["candidates who chose to share", "Your listings"]),
        ("author", ["sync_bank", "Open the admin"]),
    ],
)
def test_each_staff_home_says_what_is_there(request, client, role, says):
    client.force_login(request.getfixturevalue(role))
    page = client.get(reverse(HOMES[role])).content.decode()
    for text in says:
        assert text in page


@pytest.mark.parametrize("role", HOMES)
def test_another_roles_page_is_a_403_that_links_home(request, client, role):
    client.force_login(request.getfixturevalue(role))
    for other, url_name in HOMES.items():
        if other == role:
            continue
        response = client.get(reverse(url_name))
        assert response.status_code == 403
        page = response.content.decode()
        assert f"This page is for {other} accounts" in page
        assert f'href="{reverse(HOMES[role])}"' in page


def test_the_start_page_sends_each_role_to_its_home(request, client):
    for role, url_name in HOMES.items():
        client.force_login(request.getfixturevalue(role))
        assert f'href="{reverse(url_name)}"' in client.get(reverse("home")).content.decode()


def test_a_next_parameter_still_wins_after_login(client, candidate):
    target = reverse("history")
    response = client.post(f"{reverse('account_login')}?next={target}", {"login": candidate.username, "password": PASSWORD, "next": target})
    assert response["Location"] == target
