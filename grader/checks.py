"""System checks of what the grader needs from its surroundings (Django runs them before migrate, the web
server's start and every management command)."""

import sqlite3

from django.core import checks
from django.db import connections

# The grader takes a submission's lease and reads it in one UPDATE ... RETURNING (services._LEASE_SQL).
SQLITE_WITH_RETURNING = (3, 35, 0)


def uses_sqlite() -> bool:
    return any(connections[alias].vendor == "sqlite" for alias in connections)


@checks.register()
def sqlite_can_return_from_update(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """An error for an SQLite library older than 3.35, which has no RETURNING (Django itself accepts 3.31)."""
    if not uses_sqlite() or sqlite3.sqlite_version_info >= SQLITE_WITH_RETURNING:
        return []
    return [checks.Error(
        f"SQLite {sqlite3.sqlite_version} is too old for the grader, which needs 3.35 or newer (UPDATE ... RETURNING).",
        hint="Use a Python built against a newer SQLite (Debian 12 has 3.40), or PostgreSQL (DATABASE_URL).",
        id="grader.E001",
    )]
