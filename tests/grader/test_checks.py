"""The grader's system checks: a clear error before anything runs, not a failure at the first grading."""

import sqlite3

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from grader import checks as grader_checks


def test_an_sqlite_too_old_for_the_lease_statement_stops_commands_with_a_clear_error(monkeypatch):
    monkeypatch.setattr(grader_checks, "uses_sqlite", lambda: True)  # (CI runs on PostgreSQL)
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 34, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.34.1")
    with pytest.raises(SystemCheckError, match=r"SQLite 3\.34\.1 is too old for the grader"):
        call_command("check")


def test_a_recent_sqlite_passes():
    call_command("check")
