"""Listings CRUD (+ publish, close, reopen) and applications with status changes, for one's own organisation."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from recruiting.models import Listing
from recruiting.services import application_create, application_withdraw
from tests.api.test_webhooks import published_listing
from tests.conftest import make_account

pytestmark = pytest.mark.django_db

LISTINGS = "/api/v1/listings/"
APPLICATIONS = "/api/v1/applications/"


def listing_body(**changes):
    body = {
        "title": "Junior ML engineer", "description": "Ship **models**.", "location": "Lisbon",
        "workplace_type": "remote", "employment_type": "junior_full_time",
        "valid_through": (timezone.now() + timedelta(days=60)).isoformat(), "topics": ["neural-networks"],
        "stages": ["deep-learning"], "minimum_level": 2, "salary_min": 30000, "salary_max": 42000,
        "salary_currency": "eur",
    }
    return {**body, **changes}


def test_a_listing_goes_from_draft_to_published_closed_and_reopened(api_a, org_a):
    created = api_a.post(LISTINGS, listing_body(), format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["state"] == "draft" and data["topics"] == ["neural-networks"] and data["salary_currency"] == "EUR"
    assert data["url"] == f"http://testserver/jobs/{data['id']}/"
    url = f"{LISTINGS}{data['id']}/"
    assert api_a.post(f"{url}publish/").json()["state"] == "published"
    again = api_a.post(f"{url}publish/")
    assert again.status_code == 400 and "already published" in json.dumps(again.json())
    assert api_a.post(f"{url}close/").json()["state"] == "closed"
    assert "already closed" in json.dumps(api_a.post(f"{url}close/").json())
    assert api_a.post(f"{url}reopen/").json()["state"] == "published"
    changed = api_a.patch(url, {"title": "ML engineer (junior)", "topics": []}, format="json")
    assert changed.status_code == 200 and changed.json()["title"] == "ML engineer (junior)" and changed.json()["topics"] == []
    assert [item["id"] for item in api_a.get(LISTINGS).json()["results"]] == [data["id"]]
    assert Listing.objects.get().organisation == org_a


@pytest.mark.parametrize("changes, field", [
    ({"valid_through": (timezone.now() + timedelta(days=200)).isoformat()}, "valid_through"),
    ({"salary_min": 50000, "salary_max": 40000}, "salary_max"),
    ({"salary_currency": ""}, "salary_currency"),
    ({"title": "  "}, "title"),
    ({"workplace_type": "moon"}, "workplace_type"),
    ({"topics": ["not-a-topic"]}, "topics"),
])
def test_invalid_listings_are_400_with_a_message_for_the_field(api_a, changes, field):
    response = api_a.post(LISTINGS, listing_body(**changes), format="json")
    assert response.status_code == 400 and field in response.json(), response.content
    assert not Listing.objects.exists()


def test_a_closing_date_alone_means_the_end_of_that_day_up_to_120_days_ahead_as_in_the_form(api_a):
    last_day = timezone.localdate() + timedelta(days=120)
    created = api_a.post(LISTINGS, listing_body(valid_through=last_day.isoformat()), format="json")
    assert created.status_code == 201, created.content
    closes = timezone.localtime(Listing.objects.get().valid_through)
    assert (closes.date(), closes.hour, closes.minute) == (last_day, 23, 59)
    too_far = api_a.post(LISTINGS, listing_body(valid_through=(last_day + timedelta(days=1)).isoformat()), format="json")
    assert too_far.status_code == 400 and "at most 120 days" in too_far.json()["valid_through"][0]
    for no_such_day in ("2026-13-45", "2026-02-30"):
        response = api_a.post(LISTINGS, listing_body(valid_through=no_such_day), format="json")
        assert response.status_code == 400 and "valid_through" in response.json()


def test_only_drafts_can_be_deleted(api_a):
    draft = api_a.post(LISTINGS, listing_body(), format="json").json()
    other = api_a.post(LISTINGS, listing_body(), format="json").json()
    api_a.post(f"{LISTINGS}{other['id']}/publish/")
    assert api_a.delete(f"{LISTINGS}{draft['id']}/").status_code == 204
    refused = api_a.delete(f"{LISTINGS}{other['id']}/")
    assert refused.status_code == 400 and "close a published listing" in refused.json()["non_field_errors"][0]


def test_an_unverified_organisation_prepares_drafts_but_cannot_publish(db):
    from tests.api.conftest import organisation, token_client

    rec = make_account("newrec", "recruiter")
    api = token_client(organisation("Startup", rec, verified=False), rec)
    draft = api.post(LISTINGS, listing_body(), format="json")
    assert draft.status_code == 201
    refused = api.post(f"{LISTINGS}{draft.json()['id']}/publish/")
    assert refused.status_code == 400 and "not verified" in refused.json()["non_field_errors"][0]


@pytest.fixture
def applied(recruiter, candidate):
    listing = published_listing(recruiter)
    return application_create(listing=listing, candidate=candidate, note="I like trees.", consent=True)


def test_applications_list_filter_and_move_status(api_a, applied, candidate):
    listed = api_a.get(APPLICATIONS).json()["results"]
    assert [a["id"] for a in listed] == [applied.pk]
    assert listed[0]["candidate"]["username"] == candidate.username and listed[0]["note"] == "I like trees."
    assert listed[0]["candidate"]["email"] == candidate.email  # the consent text shares it with the organisation
    assert api_a.get(f"{APPLICATIONS}?status=offer").json()["results"] == []
    assert len(api_a.get(f"{APPLICATIONS}?listing={applied.listing_id}").json()["results"]) == 1
    too_big = api_a.get(f"{APPLICATIONS}?listing={'9' * 25}")  # past the database's integers: was a 500 page
    assert api_a.get(f"{APPLICATIONS}?ordering=title").status_code == 400  # not silently newest first
    assert too_big.status_code == 400 and "listing" in too_big.json()
    moved = api_a.patch(f"{APPLICATIONS}{applied.pk}/", {"status": "reviewing"}, format="json")
    assert moved.status_code == 200 and moved.json()["status"] == "reviewing"
    assert api_a.get(f"{APPLICATIONS}?status=reviewing").json()["results"][0]["id"] == applied.pk


def test_status_changes_are_checked(api_a, applied, candidate):
    bad = api_a.patch(f"{APPLICATIONS}{applied.pk}/", {"status": "withdrawn"}, format="json")
    assert bad.status_code == 400 and "status" in bad.json()
    application_withdraw(application=applied, candidate=candidate)
    after = api_a.patch(f"{APPLICATIONS}{applied.pk}/", {"status": "reviewing"}, format="json")
    assert after.status_code == 400 and "withdrew" in after.json()["non_field_errors"][0]


def test_a_withdrawn_application_no_longer_shows_who_applied(api_a, applied, candidate):
    application_withdraw(application=applied, candidate=candidate)
    data = api_a.get(f"{APPLICATIONS}{applied.pk}/").json()
    assert data["status"] == "withdrawn" and data["candidate"] is None and data["note"] == ""


def test_a_read_token_cannot_move_a_status(org_a, recruiter, applied):
    from tests.api.conftest import token_client

    api = token_client(org_a, recruiter, scope="read")
    assert api.patch(f"{APPLICATIONS}{applied.pk}/", {"status": "reviewing"}, format="json").status_code == 403
