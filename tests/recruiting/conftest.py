from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from recruiting import services
from tests.conftest import make_account, make_organisation


def listing_fields(**overrides) -> dict:
    fields = {
        "title": "ML engineering intern",
        "description": "Work on **ranking** models.",
        "location": "Berlin, Germany",
        "workplace_type": "hybrid",
        "employment_type": "internship",
        "valid_through": timezone.now() + timedelta(days=30),
    }
    return {**fields, **overrides}


def make_listing(by, *, publish: bool = True, **overrides):
    return services.listing_create(by=by, publish=publish, **listing_fields(**overrides))


@pytest.fixture
def organisation(recruiter):
    return recruiter.recruiter_membership.organisation


@pytest.fixture
def other_recruiter(db):
    """A recruiter of another verified organisation ("Globex")."""
    user = make_account("rec-b", Role.RECRUITER)
    make_organisation("Globex", user)
    return user


@pytest.fixture
def unverified_recruiter(db):
    user = make_account("rec-new", Role.RECRUITER)
    make_organisation("Initech", user, verified=False)
    return user


@pytest.fixture
def listing(recruiter):
    return make_listing(recruiter)


@pytest.fixture
def other_listing(other_recruiter):
    return make_listing(other_recruiter, title="Data science intern at Globex")
