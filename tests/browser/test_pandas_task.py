"""A candidate solves a pandas task in the browser (issue 13): the examples show DataFrames as tables and
say which column differs; the model solution is accepted."""

from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

from questions.models import Question
from questions.services import sync_bank
from tests.browser.conftest import log_in, make_user, shot

TASK = Path(settings.BANK_DIR) / "foundations" / "groupby-missing-groups"
SOLUTION = (TASK / "reference.py").read_text()
FORGETS_EMPTY_STORES = (TASK / "wrong" / "nan_total_without_sales.py").read_text()


def test_a_candidate_runs_the_examples_then_solves_a_pandas_task(page, live_server, grading):
    if not Question.objects.filter(slug="groupby-missing-groups").exists():
        sync_bank()  # the conftest here restores the bank's snapshot for the first browser test only
    make_user("pandas-candidate")
    log_in(page, live_server, "pandas-candidate")
    page.goto(f"{live_server.url}/tasks/groupby-missing-groups/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sales per store")

    page.locator(".cm-content").fill(FORGETS_EMPTY_STORES)
    page.get_by_role("button", name="Run examples").click()
    result = page.locator("#result")
    expect(result).to_contain_text("Wrong answer", timeout=60_000)
    expect(result).to_contain_text("column 'total' is different in 1 of 2 rows")
    expect(result.locator("pre").filter(has_text="store  n_sales  total  mean_amount").first).to_be_visible()
    shot(page, "pandas-task-examples")

    page.locator(".cm-content").fill(SOLUTION)
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.locator("#result")).to_contain_text("Accepted", timeout=60_000)
    shot(page, "pandas-task-accepted")
