"""Two verified organisations with a recruiter each, their API tokens, and candidates with stored mastery."""

import pytest
from rest_framework.test import APIClient

from accounts.models import Role
from api.services import api_token_create
from recruiting.selectors import organisation_of
from tests.conftest import make_account, make_organisation


def organisation(name: str, recruiter, *, verified: bool = True):
    return make_organisation(name, recruiter, verified=verified)


@pytest.fixture
def org_a(recruiter):
    """The shared recruiter's verified organisation ("Acme Analytics", see tests/conftest.py)."""
    return organisation_of(recruiter=recruiter)


@pytest.fixture
def recruiter_b(db):
    return make_account("rec_b", Role.RECRUITER)


@pytest.fixture
def org_b(recruiter_b):
    return organisation("Beta Robotics", recruiter_b)


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
