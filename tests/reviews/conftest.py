import pytest
from django.contrib.auth.models import Group

from accounts.models import Role
from tests.conftest import make_account


@pytest.fixture
def second_reviewer(db):
    return make_account("rev2", Role.REVIEWER)


@pytest.fixture
def lead_reviewer(db, settings):
    lead = make_account("lead", Role.REVIEWER)
    lead.groups.add(Group.objects.get_or_create(name=settings.REVIEW_LEAD_GROUP)[0])
    return lead
