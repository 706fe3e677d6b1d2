import pytest
from django.core.management import call_command
from django.db import connection

from accounts.models import Role, User
from accounts.services import user_role_set

PASSWORD = "a-long-test-password-1"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real bank once for the whole session (tests roll back their own changes).

    Transactional tests (the real-worker tests) flush the database when they end; with serialized_rollback
    they restore this snapshot, bank included, when they start.
    """
    with django_db_blocker.unblock():
        call_command("sync_bank", verbosity=0)
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def _user(username: str, role: str) -> User:
    user = User.objects.create_user(username=username, email=f"{username}@example.com", password=PASSWORD)
    return user_role_set(user=user, role=role)


@pytest.fixture
def candidate(db):
    return _user("cand", Role.CANDIDATE)


@pytest.fixture
def other_candidate(db):
    return _user("cand2", Role.CANDIDATE)


@pytest.fixture
def reviewer(db):
    return _user("rev", Role.REVIEWER)


@pytest.fixture
def recruiter(db):
    return _user("rec", Role.RECRUITER)


@pytest.fixture
def author(db):
    return _user("auth", Role.AUTHOR)


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
