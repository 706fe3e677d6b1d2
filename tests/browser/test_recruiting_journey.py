"""The board in a real browser: a recruiter posts a listing, a candidate finds it, applies, and the recruiter sees
the application and the candidate's profile; the candidate then withdraws and the profile is gone."""

from playwright.sync_api import expect

from accounts.models import Role
from tests.browser.conftest import log_in, make_user, shot
from tests.conftest import make_organisation
from tests.profiles.helpers import answer


def fits_a_phone(page, name: str) -> None:
    """A screenshot at 390 px (a phone), and nothing wider than the screen outside scrolling tables."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    shot(page, f"{name}-390")
    wide = page.evaluate("""[...document.querySelectorAll('body *')].filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > 391)
                            .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()


def test_a_recruiter_posts_a_candidate_applies_and_the_recruiter_sees_them(page, live_server, browser):
    make_organisation("Acme Analytics", make_user("hiring", Role.RECRUITER))
    candidate = make_user("ada")
    answer(candidate, "l1-zeroes-weights", right=True)

    # The recruiter posts a listing from their home.
    log_in(page, live_server, "hiring")
    expect(page.get_by_role("heading", name="Recruiter home")).to_be_visible()
    page.get_by_role("link", name="New listing").click()
    page.get_by_label("Title").fill("Reinforcement learning intern")
    page.get_by_label("Description").fill("Train **agents** that play nicely.\n\n- Python\n- patience")
    page.get_by_label("Location").fill("Amsterdam, Netherlands")
    page.get_by_label("Workplace type").select_option("hybrid")
    page.get_by_label("Employment type").select_option("internship")
    page.get_by_label("Closing date").fill("2000-01-01")  # in the past: refused, nothing typed is lost
    page.get_by_role("button", name="Save and publish").click()
    expect(page.get_by_text("The closing date must be in the future.")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Reinforcement learning intern")
    shot(page, "recruiting-listing-form-error")
    closing = page.evaluate("new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10)")
    page.get_by_label("Closing date").fill(closing)
    page.get_by_role("button", name="Save and publish").click()
    expect(page.get_by_text("is published")).to_be_visible()
    shot(page, "recruiting-listing-edit")

    # The candidate, in a browser of their own, finds it on the board by searching, and applies.
    candidate_context = browser.new_context(viewport={"width": 1280, "height": 900})
    cpage = candidate_context.new_page()
    log_in(cpage, live_server, "ada")
    cpage.get_by_role("link", name="Jobs").click()
    cpage.get_by_label("Search").fill("reinforcement")
    cpage.get_by_label("Workplace").select_option("hybrid")
    cpage.get_by_role("button", name="Search").click()
    expect(cpage.get_by_text("1 listing")).to_be_visible()
    shot(cpage, "recruiting-board")
    fits_a_phone(cpage, "recruiting-board")
    cpage.get_by_role("link", name="Reinforcement learning intern").click()
    expect(cpage.get_by_role("heading", name="Reinforcement learning intern")).to_be_visible()
    expect(cpage.locator("section.card strong", has_text="agents")).to_be_visible()  # Markdown rendered
    cpage.get_by_label("A short note to the recruiter").fill("I built a chess bot last summer.")
    cpage.get_by_role("button", name="Apply and share my profile").click()  # the browser asks for the tick first
    expect(cpage.get_by_role("heading", name="Apply")).to_be_visible()
    assert not candidate.applications.exists()
    cpage.get_by_label("I share my progress profile with Acme Analytics").check()
    shot(cpage, "recruiting-listing-apply")
    cpage.get_by_role("button", name="Apply and share my profile").click()
    expect(cpage.get_by_role("heading", name="My applications")).to_be_visible()
    expect(cpage.get_by_text("Submitted")).to_be_visible()
    shot(cpage, "recruiting-my-applications")
    fits_a_phone(cpage, "recruiting-my-applications")

    # The recruiter sees the application, moves it along and opens the profile.
    page.goto(f"{live_server.url}/recruiter/")
    page.get_by_role("link", name="ada").click()
    expect(page.get_by_text("I built a chess bot last summer.")).to_be_visible()
    page.get_by_label("Move to").select_option("reviewing")
    page.get_by_role("button", name="Move").click()
    expect(page.get_by_text("Submitted → Reviewing")).to_be_visible()
    shot(page, "recruiting-application")
    page.get_by_role("link", name="Open their profile").click()
    expect(page.get_by_role("heading", name="ada")).to_be_visible()
    shot(page, "recruiting-candidate-profile")
    profile_url = page.url

    # The candidate sees the new status and who looked; then withdraws, and the recruiter can no longer look.
    cpage.reload()
    expect(cpage.get_by_text("Reviewing")).to_be_visible()
    questions = []
    cpage.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    cpage.get_by_role("button", name="Withdraw").click()
    expect(cpage.get_by_text("can no longer see your profile through it")).to_be_visible()
    assert questions and "cannot apply to this listing again" in questions[0]
    page.goto(profile_url)
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    page.goto(f"{live_server.url}/recruiter/")
    shot(page, "recruiting-dashboard")
    fits_a_phone(page, "recruiting-dashboard")
    candidate_context.close()
