import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.core.cache import cache
from django.db import connection

from accounts.models import Role, User
from accounts.selectors import two_factor_required
from accounts.services import user_role_set
from questions.services import sync_bank

PASSWORD = "a-long-test-password-1"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real bank once for the whole session (tests roll back their own changes).

    Transactional tests (the real-worker tests) flush the database when they end; with serialized_rollback
    they restore this snapshot, bank included, when they start.
    """
    global DATABASE_SNAPSHOT
    with django_db_blocker.unblock():
        # The bank's code tasks are checked in the sandbox by their own tests (tests/grader/test_task_seeds.py,
        # test_bank_checks.py); here it is only loaded, which takes a second instead of a minute.
        sync_bank()
        DATABASE_SNAPSHOT = connection.creation.serialize_db_to_string()
        connection._test_serialized_contents = DATABASE_SNAPSHOT


# The database as django_db_setup left it (the bank loaded), for serialized rollback.
DATABASE_SNAPSHOT = None


# The second factor of every test account that needs one (staff, reviewers, recruiters).
TOTP_SECRET = "TESTSECRETFORMLASSESSTESTSONLY23"


def make_account(
    username: str, role: str = Role.CANDIDATE, *, verified: bool = True, with_totp: bool | None = None, **fields
) -> User:
    """A user as they are after signing up and verifying their address (unless `verified=False`). Those who
    must log in with a second factor have a TOTP authenticator on TOTP_SECRET, as they would have set up
    (`with_totp` says otherwise)."""
    user = User.objects.create_user(username=username, email=f"{username}@example.com", password=PASSWORD, **fields)
    user = user_role_set(user=user, role=role)
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=verified)
    if two_factor_required(user=user) if with_totp is None else with_totp:
        TOTP.activate(user, TOTP_SECRET)
    return user


def _user(username: str, role: str) -> User:
    return make_account(username, role)


@pytest.fixture
def candidate(db):
    return _user("cand", Role.CANDIDATE)


@pytest.fixture
def other_candidate(db):
    return _user("cand2", Role.CANDIDATE)


@pytest.fixture
def reviewer(db):
    return _user("rev", Role.REVIEWER)


def make_organisation(name: str, *recruiters: User, verified: bool = True):
    """An organisation with these recruiters as members, verified by staff unless `verified=False`."""
    from django.utils import timezone

    from recruiting.models import Organisation
    from recruiting.services import organisation_create, recruiter_membership_set

    organisation = organisation_create(name=name)
    for recruiter in recruiters:
        recruiter_membership_set(recruiter=recruiter, organisation=organisation)
    if verified:
        Organisation.objects.filter(pk=organisation.pk).update(verified_at=timezone.now())
        organisation.refresh_from_db()
    return organisation


@pytest.fixture
def recruiter(db):
    """A recruiter of a verified organisation ("Acme Analytics")."""
    user = _user("rec", Role.RECRUITER)
    make_organisation("Acme Analytics", user)
    return user


@pytest.fixture
def author(db):
    return _user("auth", Role.AUTHOR)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits (failed logins) and used TOTP codes live in the cache: each test starts with none."""
    cache.clear()


@pytest.fixture
def candidate_client(client, candidate):
    client.force_login(candidate)
    return client


@pytest.fixture
def eager_celery():
    """Run Celery tasks in-process (the worker tests in tests/integration use a real worker)."""
    from mlassess.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield app
    app.conf.task_always_eager = False
    app.conf.task_eager_propagates = False


@pytest.fixture(autouse=True)
def _bank_in_committed_databases(request):
    """Transactional tests start on a flushed database that the serialized rollback should refill with the
    session's snapshot (bank included). After any test that used Playwright's `page`, it no longer does (the
    tests then get a connection without the snapshot), so every later transactional test would start without
    the bank. Load it again then, without the sandbox checks the session's sync already ran on the same files."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if not transactional:
        return
    request.getfixturevalue("transactional_db" if marker is None else "_django_db_helper")
    from questions.models import Stage
    from questions.services import sync_bank

    if not Stage.objects.exists():
        sync_bank()
