"""Helpers that attack the real sandbox: no mocks, every run goes through bubblewrap."""

import os
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

from grader import judging
from grader.cases import HIDDEN, hidden_seed
from grader.sandbox import launcher
from grader.sandbox.launcher import Limits, RunOutcome, run_sandboxed
from questions.bank_format import load_bank

CANARY = "mlassess-canary-8d1f4c"


@pytest.fixture(scope="session")
def bank():
    return {q.slug: q for q in load_bank(settings.BANK_DIR).questions}


@pytest.fixture(autouse=True)
def secret_in_our_environment(monkeypatch):
    """A secret the worker has: in its environment and in a file of its own."""
    monkeypatch.setenv("MLASSESS_CANARY", CANARY)
    monkeypatch.setenv("DATABASE_URL", f"postgres://user:{CANARY}@127.0.0.1:5432/db")
    secret_file = Path("/tmp") / f"{CANARY}.txt"
    secret_file.write_text(CANARY)
    yield
    secret_file.unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def nothing_outlives_the_run():
    """After every attack: no process of a sandbox user that this test run used is left on the host.

    (Only our own uids: another worker or test run on the same host may be running code right now.)
    """
    yield
    left = [p for p in os.listdir("/proc") if p.isdigit() and _uid_of(p) in launcher.uids_used_here]
    assert left == [], f"sandbox processes outlived their run: {left}"


def _uid_of(pid: str):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("Uid:"):
                    return int(line.split()[1])
    except OSError:
        return None


def observe(body: str, *, packages=(), limits: Limits | None = None) -> RunOutcome:
    """Run `def probe(): <body>` in the sandbox and return what was observed."""
    code = "def probe():\n" + textwrap.indent(textwrap.dedent(body), "    ")
    return run_sandboxed(
        submission=code,
        run={"entry_point": "probe", "mode": "function", "cases": [{"id": "p", "args": []}], "packages": list(packages)},
        packages=list(packages),
        limits=limits or Limits(time_seconds=5),
    )


def value_of(outcome: RunOutcome):
    records = [r for r in outcome.records if r.get("event") == "case"]
    assert records, f"no result: {outcome}"
    assert records[0]["ok"], records[0]
    return records[0]["value"]


def grade(bank, slug: str, code: str) -> judging.Judgement:
    """Grade `code` on a real task's hidden cases, exactly as a worker would."""
    task = bank[slug]
    return judging.run_task(
        task.type, task.spec, textwrap.dedent(code), which=HIDDEN, seed=hidden_seed(task.content_hash),
        points=float(task.points),
    )
