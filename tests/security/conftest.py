"""Helpers that attack the real sandbox: no mocks, every run goes through bubblewrap.

Every test that takes the `sandbox` fixture runs on both paths: warm (forked from this process's zygote for
the package set, which the fixture starts and waits for) and cold (a fresh bubblewrap per run). Tests marked
`each_package_set` run warm with each package set a task may allow mounted (none, NumPy, scikit-learn with
NumPy and SciPy), and cold with NumPy.
"""

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
PACKAGE_SETS = {"stdlib": (), "numpy": ("numpy",), "sklearn": ("numpy", "sklearn")}
ZYGOTE_START_SECONDS = 180  # scikit-learn's import, on a machine other test runs share


def pytest_configure(config):
    config.addinivalue_line("markers", "each_package_set: run warm with every package set a task may allow")


def pytest_generate_tests(metafunc):
    if "sandbox" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("each_package_set"):
        params = [("warm", name) for name in PACKAGE_SETS] + [("cold", "numpy")]
    else:
        params = [("warm", "numpy"), ("cold", "numpy")]
    metafunc.parametrize("sandbox", params, indirect=True, ids=[f"{path}-{name}" for path, name in params])


@pytest.fixture(scope="session")
def bank():
    return {q.slug: q for q in load_bank(settings.BANK_DIR).questions}


class Sandbox:
    """Runs through the path (warm or cold) and with the package set of the test's parameter."""

    def __init__(self, path: str, packages: tuple[str, ...], bank: dict):
        self.path, self.packages, self.bank = path, packages, bank

    @property
    def warm(self) -> bool:
        return self.path == "warm"

    def ready(self, packages) -> None:
        if self.warm:
            assert launcher.start_zygote(list(packages), wait=ZYGOTE_START_SECONDS), "the zygote did not start"

    def observe(self, body: str, *, limits: Limits | None = None) -> RunOutcome:
        """Run `def probe(): <body>` in the sandbox and return what was observed."""
        self.ready(self.packages)
        code = "def probe():\n" + textwrap.indent(textwrap.dedent(body), "    ")
        outcome = run_sandboxed(
            submission=code,
            run={"entry_point": "probe", "mode": "function", "cases": [{"id": "p", "args": []}],
                 "packages": list(self.packages)},
            packages=list(self.packages),
            limits=limits or Limits(time_seconds=5),
        )
        assert outcome.warm == self.warm, f"expected the {self.path} path: {outcome}"
        return outcome

    def grade(self, slug: str, code: str, runs: int = 1) -> judging.Judgement:
        """Grade `code` on a real task's hidden cases, exactly as a worker would (`runs` sandbox runs)."""
        task = self.bank[slug]
        self.ready(task.spec["packages"])
        zygote = launcher.zygote_of(task.spec["packages"])
        runs_before = zygote.runs if zygote else 0
        judgement = judging.run_task(
            task.type, task.spec, textwrap.dedent(code), which=HIDDEN,
            seed=hidden_seed(task.content_hash), points=float(task.points),
        )
        if self.warm:
            assert launcher.zygote_of(task.spec["packages"]) is zygote and zygote.runs == runs_before + runs, (
                "the run did not take the warm path"
            )
        return judgement


@pytest.fixture
def sandbox(request, monkeypatch, bank):
    path, packages = request.param
    monkeypatch.setenv("MLASSESS_SANDBOX_WARM", "1" if path == "warm" else "0")
    return Sandbox(path, PACKAGE_SETS[packages], bank)


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

    (Only our own uids: another worker or test run on the same host may be running code right now.) Warm
    runs hand back their outcome before their namespaces are torn down: settle() waits for that.
    """
    yield
    launcher.settle()
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


def value_of(outcome: RunOutcome):
    records = [r for r in outcome.records if r.get("event") == "case"]
    assert records, f"no result: {outcome}"
    assert records[0]["ok"], records[0]
    return records[0]["value"]
