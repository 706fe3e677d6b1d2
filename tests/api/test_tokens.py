"""API tokens: created in the web UI and shown once, stored hashed; revoked, expired, unknown or read-only tokens
are refused at once with the right status."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Role
from api.models import ApiToken
from api.services import api_token_create, token_hash
from recruiting.models import RecruiterMembership
from tests.api.conftest import organisation, token_client
from tests.conftest import make_account

pytestmark = pytest.mark.django_db

LISTINGS = "/api/v1/listings/"


def test_a_token_made_in_the_web_ui_is_shown_once_and_stored_hashed(client, recruiter, org_a):
    client.force_login(recruiter)
    page = client.post(reverse("api-tokens"), {"name": "ATS sync", "scope": "read", "expires_in_days": 30})
    assert page.status_code == 200
    secret = page.context["secret"]
    assert secret in page.content.decode()
    token = ApiToken.objects.get()
    assert token.secret_hash == token_hash(secret) and secret not in (token.prefix, token.secret_hash)
    assert token.organisation == org_a and token.scope == "read"
    assert (token.expires_at - timezone.now()).days in (29, 30)
    listing = client.get(reverse("api-tokens")).content.decode()
    assert "ATS sync" in listing and secret not in listing
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert api.get(LISTINGS).status_code == 200


def test_the_token_form_refuses_bad_input_with_messages_and_keeps_it(client, recruiter, org_a):
    client.force_login(recruiter)
    page = client.post(reverse("api-tokens"), {"name": "Nightly export", "scope": "read", "expires_in_days": 400})
    assert page.status_code == 400
    assert "Ensure this value is less than or equal to 365" in page.content.decode()
    assert 'value="Nightly export"' in page.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_in_the_web_ui_makes_the_token_fail_at_once(client, recruiter, org_a):
    api = token_client(org_a, recruiter)
    assert api.get(LISTINGS).status_code == 200
    client.force_login(recruiter)
    token = ApiToken.objects.get()
    response = client.post(reverse("api-token-revoke", args=[token.pk]))
    assert response.status_code == 302
    refused = api.get(LISTINGS)
    assert refused.status_code == 401 and refused.json()["detail"] == "The token was revoked."
    assert refused["WWW-Authenticate"] == "Token"


def test_an_expired_token_fails(org_a, recruiter):
    api = token_client(org_a, recruiter)
    ApiToken.objects.update(created_at=timezone.now() - timedelta(days=31), expires_at=timezone.now() - timedelta(seconds=1))
    response = api.get(LISTINGS)
    assert response.status_code == 401 and response.json()["detail"] == "The token expired."


@pytest.mark.parametrize("header", [None, "Token", "Token not-a-token", "Bearer x", "Token a b"])
def test_missing_or_unknown_tokens_are_401(db, header):
    api = APIClient()
    if header:
        api.credentials(HTTP_AUTHORIZATION=header)
    assert api.get(LISTINGS).status_code == 401


def test_a_bearer_header_is_told_to_say_token(db):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Bearer mla_something")
    response = api.get(LISTINGS)
    assert response.status_code == 401 and "Authorization: Token <secret> (not Bearer)" in response.json()["detail"]


def test_a_read_token_reads_but_cannot_write(org_a, recruiter):
    api = token_client(org_a, recruiter, scope="read")
    assert api.get(LISTINGS).status_code == 200
    response = api.post(LISTINGS, {"title": "x"}, format="json")
    assert response.status_code == 403 and "read and write scope" in response.json()["detail"]


def test_a_token_stops_working_when_its_recruiter_leaves_the_organisation(org_a, recruiter, org_b):
    api = token_client(org_a, recruiter)
    RecruiterMembership.objects.filter(recruiter=recruiter).update(organisation=org_b)
    assert api.get(LISTINGS).status_code == 401


def test_expiry_is_bounded_and_a_name_required(org_a, recruiter):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        api_token_create(organisation=org_a, created_by=recruiter, name=" ", scope="admin", expires_in_days=366)
    assert set(error.value.message_dict) == {"name", "scope", "expires_in_days"}


def test_the_token_list_pages_and_shows_only_the_own_organisations_tokens(client, recruiter, org_a, org_b, recruiter_b):
    for i in range(23):
        api_token_create(organisation=org_a, created_by=recruiter, name=f"a-{i:02d}", scope="read", expires_in_days=9)
    api_token_create(organisation=org_b, created_by=recruiter_b, name="b-secret-name", scope="read", expires_in_days=9)
    client.force_login(recruiter)
    first = client.get(reverse("api-tokens")).content.decode()
    second = client.get(reverse("api-tokens") + "?page=2").content.decode()
    assert "Page 1 of 2" in first and "a-22" in first and "a-00" not in first and "a-00" in second
    assert "b-secret-name" not in first + second


def test_a_recruiter_without_an_organisation_is_told_to_get_one(client, db):
    loner = make_account("loner", Role.RECRUITER)
    client.force_login(loner)
    response = client.get(reverse("api-tokens"))
    assert response.status_code == 403 and "No organisation yet" in response.content.decode()


def test_candidates_cannot_open_the_token_pages(candidate_client):
    assert candidate_client.get(reverse("api-tokens")).status_code == 403


def test_an_unverified_organisation_prepares_drafts_but_sees_no_candidates(db):
    rec = make_account("newrec", Role.RECRUITER)
    org = organisation("Not Yet Ltd", rec, verified=False)
    api = token_client(org, rec)
    assert api.get(LISTINGS).status_code == 200
    response = api.get("/api/v1/candidates/")
    assert response.status_code == 403 and "not verified" in response.json()["detail"]
