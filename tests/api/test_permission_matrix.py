"""Organisation B never sees, changes or learns of the existence of organisation A's listings, applications,
tokens or webhooks, through the API or the pages: every such request is a 404 (or absent from B's lists)."""

import pytest
from django.urls import reverse

from api import services
from api.models import ApiToken, WebhookEndpoint
from recruiting.models import Listing
from recruiting.services import application_create
from tests.api.test_webhooks import published_listing

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_things(org_a, recruiter, candidate, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    listing = published_listing(recruiter)
    application = application_create(listing=listing, candidate=candidate, note="", consent=True)
    endpoint = services.webhook_endpoint_create(organisation=org_a, created_by=recruiter, url="http://127.0.0.1:9/h",
                                                events=["application.created"])
    (delivery,) = services.webhook_event_dispatch(organisations=[org_a], event="application.created", data={})
    token, _ = services.api_token_create(organisation=org_a, created_by=recruiter, name="a", scope="read",
                                         expires_in_days=5)
    return {"listing": listing, "application": application, "endpoint": endpoint, "delivery": delivery, "token": token}


def test_api_lists_of_b_hold_nothing_of_a(api_b, a_things):
    for url in ("/api/v1/listings/", "/api/v1/applications/", "/api/v1/webhooks/"):
        response = api_b.get(url)
        assert response.status_code == 200 and response.json()["results"] == [], url
    assert api_b.get(f"/api/v1/applications/?listing={a_things['listing'].pk}").json()["results"] == []
    assert "candidate" not in [c["username"] for c in api_b.get("/api/v1/candidates/").json()["results"]]


@pytest.mark.parametrize("method, url, body", [
    ("get", "/api/v1/listings/{listing}/", None),
    ("patch", "/api/v1/listings/{listing}/", {"title": "Mine now"}),
    ("put", "/api/v1/listings/{listing}/", {"title": "Mine now"}),
    ("delete", "/api/v1/listings/{listing}/", None),
    ("post", "/api/v1/listings/{listing}/close/", None),
    ("post", "/api/v1/listings/{listing}/publish/", None),
    ("post", "/api/v1/listings/{listing}/reopen/", None),
    ("get", "/api/v1/applications/{application}/", None),
    ("patch", "/api/v1/applications/{application}/", {"status": "rejected"}),
    ("get", "/api/v1/webhooks/{endpoint}/", None),
    ("delete", "/api/v1/webhooks/{endpoint}/", None),
    ("post", "/api/v1/webhooks/{endpoint}/enable/", None),
    ("get", "/api/v1/webhooks/{endpoint}/deliveries/", None),
    ("get", "/api/v1/webhook-deliveries/{delivery}/", None),
    ("post", "/api/v1/webhook-deliveries/{delivery}/redeliver/", None),
    ("get", "/api/v1/candidates/{candidate}/", None),
])
def test_api_objects_of_a_are_404_for_b(api_b, a_things, candidate, method, url, body):
    ids = {k: v.pk for k, v in a_things.items()} | {"candidate": candidate.progress_profile.public_id}
    response = getattr(api_b, method)(url.format(**ids), body, format="json")
    assert response.status_code == 404, (url, response.status_code)
    listing = Listing.objects.get()
    assert listing.title == "ML intern" and listing.state == "published"
    assert WebhookEndpoint.objects.count() == 1 and a_things["application"].status == "submitted"


@pytest.mark.parametrize("method, name, key", [
    ("post", "api-token-revoke", "token"),
    ("get", "webhook-detail", "endpoint"),
    ("post", "webhook-enable", "endpoint"),
    ("post", "webhook-delete", "endpoint"),
    ("post", "webhook-redeliver", "delivery"),
])
def test_pages_of_a_are_404_for_b(client, recruiter_b, org_b, a_things, method, name, key):
    client.force_login(recruiter_b)
    response = getattr(client, method)(reverse(name, args=[a_things[key].pk]))
    assert response.status_code == 404
    assert ApiToken.objects.get(pk=a_things["token"].pk).revoked_at is None
    assert WebhookEndpoint.objects.filter(pk=a_things["endpoint"].pk).exists()


def test_b_pages_list_nothing_of_a(client, recruiter_b, org_b, a_things):
    client.force_login(recruiter_b)
    assert "127.0.0.1:9" not in client.get(reverse("webhooks")).content.decode()
    assert "No tokens yet" in client.get(reverse("api-tokens")).content.decode()
