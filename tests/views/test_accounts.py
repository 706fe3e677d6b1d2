"""Accounts with django-allauth, through the real URLs: what a throttled, an unverified and a verified user may
do; e-mail verification, password reset and change, sessions, and the second factor that staff must have."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from questions.variants import option_token
from accounts.selectors import totp_code
from accounts.services import DEMO_TOTP_SECRET, profile_sharing_set
from grader.models import Submission
from questions.models import Attempt
from tests.conftest import PASSWORD, make_account

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
NEW_PASSWORD = "another-long-password-7"
THROTTLED = "Too many failed logins"


def link_in_last_mail(to: str) -> str:
    message = mail.outbox[-1]
    assert message.to == [to]
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def log_in(client, login, password=PASSWORD, **extra):
    return client.post(LOGIN, {"login": login, "password": password}, **extra)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


# --- throttling -----------------------------------------------------------------------------------------------

def test_repeated_wrong_passwords_for_one_account_are_throttled_with_a_message(client, candidate):
    for _ in range(5):
        response = log_in(client, candidate.username, "wrong-password")
        assert "not correct" in response.content.decode()
    response = log_in(client, candidate.username)  # even the right password waits now
    assert response.status_code == 200 and not logged_in(client)
    assert THROTTLED in response.content.decode()
    assert "reset your password" in response.content.decode()


def test_the_account_limit_counts_its_username_and_its_email_address_together(client, candidate):
    for login in [candidate.username, candidate.username.upper(), candidate.email, candidate.email.upper(),
                  candidate.username]:
        assert "not correct" in log_in(client, login, "wrong-password").content.decode()
    for login in (candidate.email, candidate.username):
        response = log_in(client, login)
        assert THROTTLED in response.content.decode() and not logged_in(client)


def test_one_client_address_guessing_many_accounts_is_throttled(client):
    for i in range(10):
        log_in(client, f"nobody{i}", "wrong-password", REMOTE_ADDR="10.0.0.9")
    make_account("someone")
    response = log_in(client, "someone", REMOTE_ADDR="10.0.0.9")
    assert THROTTLED in response.content.decode() and not logged_in(client)
    # Someone else, elsewhere, is not held up by it.
    response = log_in(Client(), "someone", REMOTE_ADDR="10.0.0.10")
    assert response.status_code == 302


def test_a_throttled_user_is_never_locked_out_the_reset_link_logs_them_in(client, candidate):
    for _ in range(6):
        log_in(client, candidate.username, "wrong-password")
    assert THROTTLED in log_in(client, candidate.username).content.decode()

    client.post(reverse("account_reset_password"), {"email": candidate.email})
    response = client.get(link_in_last_mail(candidate.email), follow=True)
    response = client.post(response.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302 and logged_in(client)


# --- e-mail verification ----------------------------------------------------------------------------------------

def test_sign_up_mails_a_link_that_verifies_the_address(client):
    client.post(
        reverse("account_signup"),
        {"username": "ada", "email": "ada@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    ada = User.objects.get(username="ada")
    assert not EmailAddress.objects.get(user=ada).verified
    link = link_in_last_mail("ada@example.com")
    assert client.get(link).status_code == 200  # a page with a button: opening the link verifies nothing
    assert not EmailAddress.objects.get(user=ada).verified
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == reverse("account-settings")
    assert EmailAddress.objects.get(user=ada).verified


def test_an_unverified_candidate_practises_but_cannot_share(client, recruiter):
    ada = make_account("ada", verified=False)
    client.force_login(ada)
    client.post(reverse("question", args=["l1-zeroes-weights"]), {"answer": option_token(ada.pk, "l1-zeroes-weights", "a")})
    assert Attempt.objects.filter(candidate=ada).exists()
    client.post(reverse("code-task", args=["k-fold"]), {"code": "def k_fold_split(n): pass", "kind": "examples"})
    assert Submission.objects.filter(candidate=ada).exists()

    page = client.get(reverse("account-settings")).content.decode()
    assert "not verified yet" in page and "Verify your e-mail address first" in page
    response = client.post(reverse("sharing-update"), {"share_profile": "on"}, follow=True)
    assert "Verify your e-mail address before sharing" in response.content.decode()
    ada.refresh_from_db()
    assert not ada.share_profile
    # A listing says so before the application is filled in, and offers no form that would be refused.
    from tests.recruiting.conftest import make_listing

    listing = make_listing(recruiter)
    page = client.get(reverse("recruiting:listing", args=[listing.pk])).content.decode()
    assert "Verify your e-mail address to apply" in page and "Apply and share my profile" not in page


def test_a_verified_candidate_can_share_and_stop(candidate_client, candidate):
    response = candidate_client.post(reverse("sharing-update"), {"share_profile": "on"}, follow=True)
    assert "Recruiters can now see your profile" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.share_profile
    candidate_client.post(reverse("sharing-update"), {})
    candidate.refresh_from_db()
    assert not candidate.share_profile


def test_sharing_needs_a_verified_address_in_the_service_too():
    ada = make_account("ada", verified=False)
    with pytest.raises(ValidationError, match="Verify your e-mail address"):
        profile_sharing_set(user=ada, share=True)
    assert profile_sharing_set(user=ada, share=False).share_profile is False


def test_a_new_address_replaces_the_old_one_only_once_verified(candidate_client, candidate):
    candidate_client.post(reverse("account_email"), {"action_add": "", "email": "new@example.com"})
    candidate.refresh_from_db()
    assert candidate.email == "cand@example.com"
    candidate_client.post(link_in_last_mail("new@example.com"))
    candidate.refresh_from_db()
    assert candidate.email == "new@example.com"


# --- passwords and sessions -------------------------------------------------------------------------------------

def test_password_reset_by_e_mail(client, candidate):
    assert "Forgot your password?" in client.get(LOGIN).content.decode()
    client.post(reverse("account_reset_password"), {"email": candidate.email})
    response = client.get(link_in_last_mail(candidate.email), follow=True)
    client.post(response.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.logout()
    assert not logged_in(client) and log_in(client, candidate.username).status_code == 200  # the old one fails
    assert log_in(client, candidate.username, NEW_PASSWORD).status_code == 302


def test_a_password_change_ends_every_other_session(candidate):
    here, elsewhere = Client(), Client()
    log_in(here, candidate.username)
    log_in(elsewhere, candidate.username)
    here.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert here.get(reverse("roadmap")).status_code == 200
    assert elsewhere.get(reverse("roadmap")).status_code == 302  # to the login page


def test_log_out_everywhere_ends_every_session_this_one_too(candidate):
    here, elsewhere = Client(), Client()
    log_in(here, candidate.username)
    log_in(elsewhere, candidate.username)
    assert "Log out everywhere" in here.get(reverse("account-settings")).content.decode()
    response = here.post(reverse("log-out-everywhere"))
    assert response["Location"] == reverse("account_login")
    assert here.get(reverse("roadmap")).status_code == 302
    assert elsewhere.get(reverse("roadmap")).status_code == 302


# --- the second factor ------------------------------------------------------------------------------------------

def assert_totp_set_up_is_open(client):
    """Setting up TOTP asks for the password again, then shows the secret to scan."""
    response = client.get(reverse("mfa_activate_totp"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    response = client.post(response.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert "Authenticator secret" in response.content.decode()


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.RECRUITER, Role.AUTHOR])
def test_staff_set_up_totp_before_they_see_anything(client, role):
    user = make_account("staffer", role)
    Authenticator.objects.filter(user=user).delete()  # as an account made before two factors were required
    log_in(client, user.username)
    home = {"reviewer": "reviewer-home", "recruiter": "recruiter-home", "author": "author-home"}[role]
    for url in (reverse(home), "/admin/", "/admin/grader/submission/", reverse("home")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp"), url
    assert client.get(reverse("account-settings")).status_code == 200
    assert_totp_set_up_is_open(client)


def test_staff_with_totp_log_in_with_a_code(client, reviewer):
    response = log_in(client, reviewer.username)
    assert response["Location"] == reverse("mfa_authenticate") and not logged_in(client)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "Incorrect code" in response.content.decode() and not logged_in(client)


def test_candidates_may_but_need_not_use_totp(client, candidate):
    log_in(client, candidate.username)
    assert client.get(reverse("roadmap")).status_code == 200
    assert_totp_set_up_is_open(client)


def test_the_admin_logs_in_through_our_login_page(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


# --- the demo accounts ------------------------------------------------------------------------------------------

def test_demo_staff_log_in_with_the_published_totp_secret(client, settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    assert DEMO_TOTP_SECRET in capsys.readouterr().out
    call_command("demo_totp_code")
    code = capsys.readouterr().out.strip()
    assert code == totp_code(secret=DEMO_TOTP_SECRET)
    response = log_in(client, "reviewer", "demo-pass-2026")
    response = client.post(response["Location"], {"code": code})
    assert response["Location"] == reverse("reviewer-home")
    assert EmailAddress.objects.get(user__username="candidate").verified
    assert User.objects.get(username="candidate").share_profile
