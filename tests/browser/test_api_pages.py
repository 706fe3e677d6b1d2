"""A recruiter in a real browser: creates an API token (shown once) and uses it, registers a webhook and reads its
delivery log after a candidate applies, then revokes the token."""

import json
import re
import urllib.error
import urllib.request

from django.test import override_settings
from playwright.sync_api import expect

from accounts.models import Role
from recruiting.services import application_create
from tests.api.test_webhooks import Receiver, published_listing
from tests.browser.conftest import log_in, make_user, shot
from tests.conftest import make_organisation


def api_get(live_server, path, secret):
    request = urllib.request.Request(f"{live_server.url}{path}", headers={"Authorization": f"Token {secret}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@override_settings(WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=True)
def test_a_recruiter_makes_a_token_and_a_webhook(page, live_server, eager_celery):
    # Webhooks are sent in-process (eager Celery): the setting that lets them reach this machine is this process's.
    recruiter = make_user("hiring", Role.RECRUITER)
    make_organisation("Acme Analytics", recruiter)
    candidate = make_user("ada")
    log_in(page, live_server, "hiring")

    page.goto(f"{live_server.url}/recruiter/")
    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Name").fill("ATS sync")
    page.get_by_label("Read and write").check()
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_text("Copy the secret now")).to_be_visible()
    secret = page.locator("#token-secret").inner_text().strip()
    assert re.fullmatch(r"mla_[\w-]{40,}", secret)
    shot(page, "api-token-created")
    status, body = api_get(live_server, "/api/v1/listings/", secret)
    assert status == 200 and body["results"] == []

    with Receiver([200]) as receiver:
        page.goto(f"{live_server.url}/recruiter/webhooks/")
        page.get_by_label("URL").fill(receiver.url)
        page.get_by_role("button", name="Add endpoint").click()
        expect(page.locator("#webhook-secret")).to_contain_text("whsec_")
        application_create(listing=published_listing(recruiter), candidate=candidate, note="Hello", consent=True)
        page.reload()
        expect(page.get_by_text("HTTP 200")).to_be_visible()
    assert len(receiver.requests) == 1
    shot(page, "api-webhook-log")

    page.goto(f"{live_server.url}/recruiter/api-tokens/")
    page.once("dialog", lambda dialog: dialog.dismiss())  # asked first: "No" changes nothing
    page.get_by_role("button", name="Revoke ATS sync").click()
    expect(page.get_by_role("button", name="Revoke ATS sync")).to_be_visible()
    assert api_get(live_server, "/api/v1/listings/", secret)[0] == 200
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke ATS sync").click()
    expect(page.get_by_text("revoked: it fails from now on")).to_be_visible()
    shot(page, "api-tokens")
    assert api_get(live_server, "/api/v1/listings/", secret)[0] == 401

    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.get_by_text("MLAssess recruiter API")).to_be_visible()
    shot(page, "api-docs")
