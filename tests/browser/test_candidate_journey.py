"""A new candidate in a real browser: signs up, answers a question, submits code and sees the verdict."""

import re
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

from questions.models import Question
from tests.browser.conftest import shot

KFOLD_SOLUTION = (Path(settings.BANK_DIR) / "core-ml" / "k-fold" / "solution.py").read_text()


def test_a_new_candidate_signs_up_answers_and_submits_code(page, live_server, grading):
    page.goto(live_server.url)
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Username").fill("newperson")
    page.get_by_label("Email").fill("newperson@example.com")
    page.get_by_label(re.compile(r"^Password:?$")).fill("a-long-test-password-1")
    page.get_by_label("Password (again)").fill("a-long-test-password-1")
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/roadmap/$"))
    shot(page, "candidate-roadmap")

    # A single-choice question: any option, then the result page with the explanation.
    page.goto(f"{live_server.url}/questions/l1-zeroes-weights/")
    page.get_by_role("radio").first.check()
    page.get_by_role("button", name=re.compile("Submit|Check", re.I)).click()
    expect(page).to_have_url(re.compile(r"/attempts/\d+/$"))

    # A code task: the editor is CodeMirror; put the model solution in it and submit.
    page.goto(f"{live_server.url}/tasks/k-fold/")
    page.locator(".cm-content").fill(KFOLD_SOLUTION)
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.locator("#result")).to_contain_text("Accepted", timeout=60_000)
    shot(page, "candidate-code-task-accepted")

    # Opened again, the task shows the code last sent; the starter code is one (confirmed) click away.
    page.goto(f"{live_server.url}/tasks/k-fold/")
    expect(page.locator(".cm-content")).to_contain_text("def k_fold_split")
    sent = page.locator(".cm-content").inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset to the starter code").click()
    expect(page.locator(".cm-content")).not_to_have_text(sent)
    assert page.locator("#id_code").input_value().strip() == Question.objects.get(slug="k-fold").current_version.spec["starter"].strip()
