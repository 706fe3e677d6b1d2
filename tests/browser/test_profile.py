"""A candidate's profile in a real browser: charts, sharing with a recruiter, the view log, export, deletion."""

import json
import re

from playwright.sync_api import expect

from accounts.models import Role, User
from tests.browser.conftest import log_in, make_user, shot
from tests.conftest import make_organisation
from tests.profiles.helpers import answer, free_text, graded, submission


def shots(page, name: str) -> None:
    """Screenshots at desktop width and at 390 px (a phone), for a person to look at."""
    shot(page, f"{name}-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    shot(page, f"{name}-390")
    wide = page.evaluate("""[...document.querySelectorAll('body *')].filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > 391)
                            .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide  # nothing sticks out sideways
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()


def test_profile_sharing_view_log_export_and_deletion(page, live_server, browser):
    candidate = make_user("ada")
    make_organisation("Acme Analytics", make_user("hiring", Role.RECRUITER))
    for slug, right in [("l1-zeroes-weights", True), ("regularisation-strength", True), ("kfold-validation-count", False),
                        ("dot-product", True), ("what-smote-does", False)]:
        answer(candidate, slug, right=right)
    graded(submission(candidate, "k-fold"), 0.6)
    free_text(candidate, "fraud-threshold")

    # The profile: four charts drawn by Chart.js, each with its table.
    log_in(page, live_server, "ada")
    page.get_by_role("link", name="Profile", exact=True).click()
    expect(page.get_by_role("heading", name="Your profile", exact=True)).to_be_visible()
    for chart in ["chart-topics", "chart-stages", "chart-activity", "chart-difficulty"]:
        page.wait_for_function(f"() => window.Chart && Chart.getChart('{chart}') !== undefined")
    expect(page.get_by_text("k-fold cross-validation is one of your weakest topics")).to_be_visible()
    page.get_by_text("Mastery per topic as a table").click()
    expect(page.locator("#table-topics")).to_contain_text("L1, L2 and ElasticNet")
    shots(page, "profile")

    # History, filtered.
    page.get_by_role("link", name="History", exact=True).first.click()
    page.get_by_label("Result").select_option("waiting")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("1 entry")).to_be_visible()
    shots(page, "profile-history")
    page.set_viewport_size({"width": 390, "height": 844})  # on a phone each entry is a block: no column is cut off
    assert page.evaluate("document.querySelector('table.history').getBoundingClientRect().right") <= 390
    expect(page.locator("table.history tbody tr").first).to_contain_text("Awaiting review")
    page.set_viewport_size({"width": 1280, "height": 900})

    # Sharing: off by default; turn it on and read the address recruiters use.
    page.get_by_role("link", name="What recruiters see").first.click()
    expect(page.get_by_role("heading", name="Sharing is off")).to_be_visible()
    page.get_by_role("button", name="Share my profile with recruiters").click()
    expect(page.get_by_role("heading", name="Sharing is on")).to_be_visible()
    address = page.locator(".sharing-state code").inner_text()
    assert re.search(r"/profiles/[0-9a-f-]{36}/$", address)
    shots(page, "profile-sharing")

    # A recruiter, in a browser of their own, opens the shared profile.
    recruiter_context = browser.new_context(viewport={"width": 1280, "height": 900})
    recruiter_page = recruiter_context.new_page()
    log_in(recruiter_page, live_server, "hiring")
    recruiter_page.goto(address)
    expect(recruiter_page.get_by_role("heading", name="ada")).to_be_visible()
    recruiter_page.wait_for_function("() => window.Chart && Chart.getChart('chart-topics') !== undefined")
    expect(recruiter_page.get_by_text("Next up")).to_have_count(0)
    shots(recruiter_page, "profile-recruiter-view")

    # The candidate sees the view in the log.
    page.reload()
    expect(page.locator("#views")).to_contain_text("Acme Analytics (hiring)")

    # Export: a JSON file with everything.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    data = json.loads(open(download.value.path()).read())
    assert data["account"]["username"] == "ada" and len(data["answers"]) == 6 and len(data["submissions"]) == 1

    # Stop sharing: the recruiter's next look finds nothing.
    page.get_by_role("button", name="Stop sharing").click()
    expect(page.get_by_role("heading", name="Sharing is off")).to_be_visible()
    response = recruiter_page.goto(address)
    assert response.status == 404
    recruiter_context.close()

    # Delete the account, with the password and the confirmation.
    page.get_by_role("link", name="Delete my account").click()
    shots(page, "profile-delete")
    page.get_by_label("Your password").fill("a-long-test-password-1")
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("Your account and everything stored about you have been deleted")).to_be_visible()
    assert not User.objects.filter(username="ada").exists()
