"""Each role's landing page, the code task's buttons, and every page at a phone's width (390 px)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from accounts.models import Role
from grader.models import Submission
from questions.models import Question
from questions.services import answer_submit
from tests.browser.conftest import log_in, make_user, shot

KFOLD_SOLUTION = (Path(settings.BANK_DIR) / "core-ml" / "k-fold" / "solution.py").read_text()
PHONE = {"width": 390, "height": 844}


def horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the window (0: nothing to scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize(
    "role, path, heading",
    [
        (Role.CANDIDATE, "/roadmap/", "Your roadmap"),
        (Role.REVIEWER, "/reviewer/", "Review queue"),
        (Role.RECRUITER, "/recruiter/", "Recruiter home"),
        (Role.AUTHOR, "/author/", "Author home"),
    ],
)
def test_each_role_lands_on_its_own_home(page, live_server, role, path, heading):
    make_user(f"the-{role}", role)
    log_in(page, live_server, f"the-{role}")
    expect(page).to_have_url(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    shot(page, f"home-{role}")
    page.set_viewport_size(PHONE)
    assert horizontal_overflow(page) == 0
    shot(page, f"home-{role}-390")


def test_another_roles_page_says_so_and_leads_home(page, live_server):
    make_user("rev", Role.REVIEWER)
    log_in(page, live_server, "rev")
    page.goto(f"{live_server.url}/roadmap/")
    expect(page.get_by_text("This page is for candidate accounts.")).to_be_visible()
    shot(page, "403-reviewer-on-roadmap")
    page.get_by_role("link", name="Go to your home page").click()
    expect(page).to_have_url(f"{live_server.url}/reviewer/")


def test_submit_with_an_empty_editor_says_to_write_code(page, live_server):
    make_user("cand")
    log_in(page, live_server, "cand")
    page.goto(f"{live_server.url}/tasks/k-fold/")
    page.locator(".cm-content").fill("")
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.locator("#result")).to_contain_text("Write some code before submitting.")
    shot(page, "code-task-empty-editor")
    assert not Submission.objects.exists()


def test_a_double_click_on_submit_makes_one_submission_and_no_error(page, live_server, grading):
    make_user("cand")
    log_in(page, live_server, "cand")
    page.goto(f"{live_server.url}/tasks/k-fold/")
    page.locator(".cm-content").fill(KFOLD_SOLUTION)
    server_errors, posts = [], []
    page.on("response", lambda r: server_errors.append(r.url) if r.status >= 500 else None)
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    submit = page.get_by_role("button", name="Submit", exact=True)
    submit.dblclick()
    expect(page.locator("#result")).to_contain_text("Accepted", timeout=60_000)
    assert Submission.objects.count() == 1
    assert not server_errors
    assert len(posts) == 1  # the buttons were disabled while the first request was in flight
    # The list below the editor caught up with the verdict without a reload.
    expect(page.locator("#your-submissions")).to_contain_text("Accepted")
    expect(submit).to_be_enabled()
    shot(page, "code-task-after-double-click")


def test_example_runs_are_listed_as_runs(page, live_server, grading):
    make_user("cand")
    log_in(page, live_server, "cand")
    page.goto(f"{live_server.url}/tasks/k-fold/")
    page.locator(".cm-content").fill(KFOLD_SOLUTION)
    page.get_by_role("button", name="Run examples").click()
    expect(page.locator("#result")).to_contain_text("Accepted", timeout=60_000)
    expect(page.locator("#result")).not_to_contain_text("hidden", ignore_case=True)
    row = page.locator("#your-submissions tbody tr").first
    expect(row).to_contain_text("Example run")
    expect(row).to_contain_text("not scored")
    shot(page, "code-task-example-run")


def test_every_page_fits_a_phone(page, live_server):
    """At 390 px nothing makes the page scroll sideways (a wide table scrolls inside its own box)."""
    candidate = make_user("cand")
    attempt = answer_submit(candidate=candidate, question=Question.objects.get(slug="l1-zeroes-weights"), raw_answer="a")
    code = Submission.objects.create(
        candidate=candidate, question=Question.objects.get(slug="k-fold"),
        version=Question.objects.get(slug="k-fold").current_version, code=KFOLD_SOLUTION, max_score=10,
    )
    page.set_viewport_size(PHONE)
    anonymous = ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/", "/no-such-page/"]
    for path in anonymous:
        page.goto(f"{live_server.url}{path}")
        assert horizontal_overflow(page) == 0, path
        shot(page, "390" + re.sub(r"\W+", "-", path).rstrip("-"))
    log_in(page, live_server, "cand")
    candidate_pages = [
        "/roadmap/", "/roadmap/core-ml/", "/roadmap/data-features/?topic=imbalanced-data",
        "/questions/l1-zeroes-weights/", "/questions/kfold-benefits/", "/questions/f1-from-confusion-matrix/",
        "/questions/fraud-threshold/", f"/attempts/{attempt.pk}/", "/attempts/", "/tasks/k-fold/",
        "/tasks/imbalanced-classifier/", f"/submissions/{code.pk}/", "/accounts/settings/", "/accounts/logout/",
        "/reviewer/", "/accounts/email/", "/accounts/password/change/", "/accounts/2fa/", "/accounts/sessions/",
    ]
    for path in candidate_pages:
        page.goto(f"{live_server.url}{path}")
        assert horizontal_overflow(page) == 0, path
        shot(page, "390-cand" + re.sub(r"\W+", "-", path).rstrip("-"))
