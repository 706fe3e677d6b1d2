"""Two verified organisations with a recruiter each, their API tokens, and candidates with stored mastery."""

import pytest
from rest_framework.test import APIClient

from accounts.models import Role
from api.services import api_token_create
from recruiting.services import organisation_create, organisation_verify
from tests.conftest import make_account


@pytest.fixture
def admin(db):
    return make_account("root", Role.AUTHOR, is_superuser=True)


def organisation(name: str, recruiter, *, verified_by=None):
    org = organisation_create(name=name, recruiter=recruiter)
    if verified_by is not None:
        org = organisation_verify(organisation=org, by=verified_by)
    return org


@pytest.fixture
def org_a(recruiter, admin):
    return organisation("Acme Analytics", recruiter, verified_by=admin)


@pytest.fixture
def recruiter_b(db):
    return make_account("rec_b", Role.RECRUITER)


@pytest.fixture
def org_b(recruiter_b, admin):
    return organisation("Beta Robotics", recruiter_b, verified_by=admin)


def token_client(org, user, scope="read_write", days=30) -> APIClient:
    _, secret = api_token_create(organisation=org, created_by=user, name="test", scope=scope, expires_in_days=days)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    client.secret = secret
    return client


@pytest.fixture
def api_a(org_a, recruiter):
    return token_client(org_a, recruiter)


@pytest.fixture
def api_b(org_b, recruiter_b):
    return token_client(org_b, recruiter_b)
