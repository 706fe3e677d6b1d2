"""`make run`'s demo data prints a recruiter API token that works at once with curl."""

from io import StringIO

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from accounts.models import User
from api.services import DEMO_API_TOKEN
from recruiting.selectors import organisation_of

pytestmark = pytest.mark.django_db


def test_load_demo_prints_a_working_recruiter_token(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    recruiter = User.objects.get(username="recruiter")
    assert organisation_of(recruiter=recruiter).is_verified  # the recruiting demo data's organisation
    out = StringIO()
    call_command("load_demo", stdout=out)  # a second run replaces the token, with the same published secret
    printed = out.getvalue()
    assert DEMO_API_TOKEN in printed and "/api/v1/candidates/" in printed
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {DEMO_API_TOKEN}")
    response = api.get("/api/v1/candidates/")
    assert response.status_code == 200
    assert "candidate" in [c["username"] for c in response.json()["results"]]  # the demo candidate shares
