"""`manage.py grade <slug> <file> --json`: the DESIGN.md contract, run as a user would, with no database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TASKS = Path(settings.BANK_DIR) / "core-ml"


def grade(*args, env_extra=None):
    env = {**os.environ, "DATABASE_URL": "sqlite:////nonexistent/folder/db.sqlite3", **(env_extra or {})}
    env.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", "grade", *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize(
    "slug, path, verdict",
    [
        ("f1-score", TASKS / "f1-score" / "solution.py", "accepted"),
        ("precision-recall", TASKS / "precision-recall" / "solution.py", "accepted"),
        ("k-fold", TASKS / "k-fold" / "solution.py", "accepted"),
        ("k-fold", TASKS / "k-fold" / "wrong" / "ignores_seed.py", "wrong_answer"),
        ("f1-score", TASKS / "f1-score" / "wrong" / "uses_sklearn.py", "rejected"),
    ],
)
def test_prints_one_json_object_and_exits_0_whatever_the_verdict(slug, path, verdict):
    result = grade(slug, path, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == verdict
    assert {"verdict", "score", "max_score", "passed", "total"} <= data.keys()
    if verdict == "accepted":
        assert data["score"] == data["max_score"] and data["passed"] == data["total"] > 0


def test_unknown_slug_exits_non_zero_with_the_reason_on_stderr(tmp_path):
    solution = tmp_path / "s.py"
    solution.write_text("x = 1\n")
    result = grade("no-such-task", solution, "--json")
    assert result.returncode != 0 and result.stdout == ""
    assert "unknown task 'no-such-task'" in result.stderr


def test_unreadable_file_exits_non_zero():
    result = grade("f1-score", "/no/such/file.py", "--json")
    assert result.returncode != 0
    assert "cannot read" in result.stderr


def test_no_sandbox_exits_non_zero_and_never_runs_the_code(tmp_path):
    solution = tmp_path / "s.py"
    solution.write_text((TASKS / "k-fold" / "solution.py").read_text())
    result = grade("k-fold", solution, "--json", env_extra={"PATH": "/nonexistent"})
    assert result.returncode != 0
    assert "no sandbox" in result.stderr and "bubblewrap" in result.stderr


def test_a_fault_inside_the_grader_is_not_reported_as_an_unknown_task(tmp_path):
    """Only the task lookup may say "unknown task"; a KeyError deep in grading is our fault, said as such."""
    bank = tmp_path / "bank"
    (bank / "core-ml").mkdir(parents=True)
    (bank / "roadmap.yaml").write_text((Path(settings.BANK_DIR) / "roadmap.yaml").read_text())
    task = bank / "core-ml" / "k-fold"
    import shutil

    shutil.copytree(TASKS / "k-fold", task)
    (task / "checker.py").write_text("def check(case, expected, got):\n    return {}['no such key']\n")
    result = grade("k-fold", task / "solution.py", "--json", env_extra={"MLASSESS_BANK_DIR": str(bank)})
    assert result.returncode != 0 and result.stdout == ""
    assert "unknown task" not in result.stderr
    assert "KeyError" in result.stderr
