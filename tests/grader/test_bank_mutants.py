"""The mutation check: the mutator's mutants, and `manage.py bank_mutants` grading them in the sandbox."""

import ast
import shutil
import textwrap

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from grader.mutants import load_equivalent, make_mutants

SOURCE = textwrap.dedent('''
    import numpy as np


    def count_above(values, threshold=0, *, strict=True):
        """Count the values above the threshold."""
        values = list(values)
        if not values:
            raise ValueError(f"no values above {threshold + 1}")
        total = 0
        for v in values:
            if v > threshold and strict:
                total += 1
        return total + np.sum(np.asarray(values, dtype=float) < -100)
''')


def labels(source):
    return [m.label for m in make_mutants(source)]


def test_the_mutator_makes_each_kind_of_bug():
    made = labels(SOURCE)
    for expected in [
        "line 12: `v > threshold` → `v >= threshold`",  # a boundary moved
        "line 12: `v > threshold` → `v < threshold`",  # a comparison flipped
        "line 12: `v > threshold and strict` → `v > threshold or strict`",
        "line 12: `v > threshold and strict` → `v > threshold`",  # a condition dropped
        "line 8: `if not values:` → `if False:` (branch removed)",  # a check removed
        "line 13: `total += 1` → `total -= 1`",
        "line 13: `total += 1` → `total += 2`",  # a constant off by one
        "line 10: `total = 0` → `total = 1`",
        "line 5: `threshold=0` → `threshold=1`",  # a default changed
        "line 5: `strict=True` → `strict=False`",
        "line 7: removed `values = list(values)`",  # a statement removed
        "line 14: `return total + np.sum(np.asarray(values, dtype=float) < -100)` → `return None`",
        "line 14: `np.sum` → `np.mean`",
        "line 14: `dtype=float` removed from `np.asarray(values, ...)`",  # an option forgotten
    ]:
        assert expected in made


def test_a_forgotten_sort_or_deduplication_is_a_mutant():
    made = labels("def f(x):\n    return sorted(set(x))\n")
    assert "line 2: `sorted(set(x))` → `set(x)`" in made
    assert "line 2: `set(x)` → `x`" in made


def test_messages_docstrings_and_imports_are_not_mutated():
    made = "\n".join(labels(SOURCE))
    assert "threshold + 1" not in made  # inside the raise's f-string
    assert "Count the values" not in made
    assert "import" not in made


def test_mutants_are_valid_python_each_differing_from_the_source_and_from_each_other():
    mutants = make_mutants(SOURCE)
    original = ast.unparse(ast.parse(SOURCE))
    codes = [m.code for m in mutants]
    assert len(mutants) > 20
    assert all(ast.unparse(ast.parse(code)) != original for code in codes)
    assert len(set(codes)) == len(codes)
    assert make_mutants(SOURCE) == mutants  # the same source always gives the same mutants, in the same order


def test_the_same_change_twice_on_a_line_is_numbered():
    made = labels("def f(x):\n    return min(x, 0) + min(x, 1)\n")
    assert "line 2: `min` → `max`" in made and "line 2: `min` → `max` [2]" in made


def test_a_malformed_equivalent_list_is_refused_naming_the_file(tmp_path):
    (tmp_path / "equivalent_mutants.yaml").write_text("- change: '`x` → `y`'\n")
    with pytest.raises(ValueError, match="equivalent_mutants.yaml: entry #1 needs a change .* and a why"):
        load_equivalent(tmp_path)
    (tmp_path / "equivalent_mutants.yaml").write_text("- change: `x`\n")
    with pytest.raises(ValueError, match="equivalent_mutants.yaml: not valid YAML"):
        load_equivalent(tmp_path)


# ------------------------------------------------------------------ the command, in the real sandbox

TASK = {
    "question.yaml": yaml.safe_dump({
        "title": "Count the values above a threshold", "type": "code", "topics": ["evaluation-metrics"],
        "difficulty": "easy", "points": 2, "entry_point": "count_above",
        "signature": "count_above(values, threshold) -> int", "packages": [], "compare": {"kind": "exact"},
    }),
    "prompt.md": "Count the values strictly above `threshold`.",
    "explanation.md": "A comparison.",
    "starter.py": "def count_above(values, threshold):\n    raise NotImplementedError\n",
    "reference.py": "def count_above(values, threshold):\n    return sum(1 for v in values if v > threshold)\n",
    "second_solution.py": "def count_above(values, threshold):\n    return len([v for v in values if threshold < v])\n",
    "wrong/counts_all.py": "def count_above(values, threshold):\n    return len(values)\n",
}
# No value equals the threshold: `v > threshold` → `v >= threshold` survives these cases.
WEAK_CASES = (
    "def examples():\n    return [{'args': [[1, 5], 2]}]\n\n\n"
    "def hidden(rng):\n    return [{'category': 'basic', 'args': [[1, 5, 7], 4]}, {'args': [[], 0]}, {'args': [[9, 8], 0]}]\n"
)
STRONG_CASES = WEAK_CASES.replace("{'args': [[], 0]}", "{'args': [[], 0]}, {'category': 'ties', 'args': [[3, 4], 4]}")


@pytest.fixture
def task_bank(tmp_path):
    bank = tmp_path / "bank"
    folder = bank / "core-ml" / "count-above"
    (folder / "wrong").mkdir(parents=True)
    shutil.copy(settings.BANK_DIR / "roadmap.yaml", bank / "roadmap.yaml")
    for name, text in TASK.items():
        (folder / name).write_text(text)
    (folder / "cases.py").write_text(WEAK_CASES)
    return folder


def run_command(folder, capsys):
    try:
        call_command("bank_mutants", "count-above", "--bank", str(folder.parent.parent))
        failed = None
    except CommandError as exc:
        failed = str(exc)
    return capsys.readouterr().out, failed


def test_a_mutant_the_hidden_cases_miss_is_reported_and_fails_the_task(task_bank, capsys):
    out, failed = run_command(task_bank, capsys)
    assert "count-above: 5/6 killed (83.3%) of the mutants of reference.py; 0 listed as equivalent" in out
    assert "survivor line 2: `v > threshold` → `v >= threshold`" in out
    assert failed == "1 task(s) below 95% or not checked: count-above"


def test_cases_that_catch_every_mutant_pass(task_bank, capsys):
    (task_bank / "cases.py").write_text(STRONG_CASES)
    out, failed = run_command(task_bank, capsys)
    assert failed is None
    assert "count-above: 6/6 killed (100.0%)" in out
    assert "survivor" not in out
    assert "Every task checked kills at least 95% of its mutants." in out


def test_listed_equivalent_mutants_are_left_out_and_stale_or_wrong_entries_are_named(task_bank, capsys):
    (task_bank / "equivalent_mutants.yaml").write_text(yaml.safe_dump([
        {"change": "`v > threshold` → `v >= threshold`", "why": "pretend it is equivalent"},
        {"change": "`v > threshold` → `v < threshold`", "why": "it is not: the cases kill it"},
        {"change": "`x` → `y`", "line": 7, "why": "no such mutant"},
    ], allow_unicode=True))
    out, failed = run_command(task_bank, capsys)
    assert failed is None
    assert "count-above: 5/5 killed (100.0%) of the mutants of reference.py; 1 listed as equivalent" in out
    assert "listed in equivalent_mutants.yaml but killed by the hidden cases (so not equivalent): `v > threshold` → `v < threshold`" in out
    assert "listed in equivalent_mutants.yaml but no such mutant exists any more: line 7: `x` → `y`" in out


def test_a_model_solution_that_fails_is_not_scored(task_bank, capsys):
    (task_bank / "solution.py").write_text("def count_above(values, threshold):\n    return 0\n")
    out, failed = run_command(task_bank, capsys)
    assert "count-above: not checked: solution.py itself is not accepted on the hidden cases" in out
    assert failed == "1 task(s) below 95% or not checked: count-above"


def test_an_unknown_slug_is_refused(task_bank):
    with pytest.raises(CommandError, match="not a code task in the bank: no-such-task"):
        call_command("bank_mutants", "no-such-task", "--bank", str(task_bank.parent.parent))
