"""Browser tests: Playwright (pytest-playwright's `page`) driving Debian's chromium against a live server.

Playwright cannot download browsers here, so it launches /usr/bin/chromium (installed by
scripts/ensure_chromium.sh, which `make test` runs). Each test runs against pytest-django's `live_server`
on a committed database (the bank is restored from the session snapshot before each test).

Code tasks are graded by a real Celery worker when the suite runs on PostgreSQL and Redis (as in CI); on
the embedded SQLite default a worker process cannot share the in-memory test database, so the live
server grades in-process with Celery's eager mode, through the same sandbox.

Screenshots go to var/screenshots/ (`shot(page, name)`), to be looked at by a person.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

import tests.conftest
from accounts.models import Role, User
from accounts.selectors import totp_code
from tests.conftest import PASSWORD, TOTP_SECRET, make_account
from tests.workers import real_services_available, start_worker, stop

# Playwright's sync API keeps an event loop in the main thread for the rest of the session; the ORM calls
# that tests make there are synchronous and safe. (Tests that start Django subprocesses drop this again.)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(settings.VAR_DIR) / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run scripts/ensure_chromium.sh (make test does)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture(autouse=True)
def _snapshot_on_this_connection(django_db_setup):
    """Give the connection that this test sees the session's snapshot, so that serialized rollback restores it.

    Once Playwright's event loop runs in this thread, asgiref hands this code a connection object other than
    the one django_db_setup stored the snapshot on (it keys connections by context, not thread, when a loop
    runs): without this, every browser test after the first would start with an empty database.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    if not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = tests.conftest.DATABASE_SNAPSHOT


@pytest.fixture(autouse=True)
def _live_database(_snapshot_on_this_connection, transactional_db, django_db_serialized_rollback):
    """Browser tests need committed data that the live server's thread (or a worker) can read."""


@pytest.fixture
def grading(settings):
    """Something that grades submissions: a real worker on PostgreSQL + Redis, eager Celery otherwise."""
    if real_services_available():
        worker = start_worker(concurrency=1)
        yield "worker"
        stop(worker)
        return
    from mlassess.celery import app

    app.conf.task_always_eager = True
    yield "eager"
    app.conf.task_always_eager = False


def make_user(username: str, role: str = Role.CANDIDATE, **options) -> User:
    return make_account(username, role, **options)


def log_in(page, live_server, username: str, password: str = PASSWORD, *, totp_steps_ahead: int = 0) -> None:
    """Log in through the login page, with the TOTP code of TOTP_SECRET when the account asks for one."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username or e-mail").fill(username)
    page.get_by_label(re.compile(r"^Password:?$")).fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    if "/2fa/authenticate/" in page.url:
        page.get_by_label("Code").fill(totp_code(secret=TOTP_SECRET, steps_ahead=totp_steps_ahead))
        page.get_by_role("button", name="Log in").click()
        page.wait_for_load_state()


def shot(page, name: str) -> Path:
    """Save a full-page screenshot to var/screenshots/<name>.png for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
