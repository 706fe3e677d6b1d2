"""sync_bank refuses a code task whose solution fails or whose known-wrong solution passes."""

import shutil

import pytest
from django.conf import settings

from grader.bank_checks import check_code_tasks
from questions.bank_format import BankError, load_bank


@pytest.fixture
def one_task_bank(tmp_path):
    bank = tmp_path / "bank"
    (bank / "core-ml").mkdir(parents=True)
    shutil.copy(settings.BANK_DIR / "roadmap.yaml", bank / "roadmap.yaml")
    shutil.copytree(settings.BANK_DIR / "core-ml" / "precision-recall", bank / "core-ml" / "precision-recall")
    return bank / "core-ml" / "precision-recall"


def test_the_shipped_task_passes(one_task_bank):
    check_code_tasks(load_bank(one_task_bank.parent.parent))


def test_a_wrong_solution_that_passes_is_refused(one_task_bank):
    shutil.copy(one_task_bank / "solution.py", one_task_bank / "wrong" / "not_really_wrong.py")
    with pytest.raises(BankError) as info:
        check_code_tasks(load_bank(one_task_bank.parent.parent))
    assert info.value.problems == [
        "bank/core-ml/precision-recall/wrong/not_really_wrong.py: this known-wrong solution passes every hidden case"
    ]


def test_a_solution_that_fails_is_refused(one_task_bank):
    (one_task_bank / "solution.py").write_text("def precision_recall(y_true, y_pred, *, pos_label=1):\n    return (0.0, 0.0)\n")
    with pytest.raises(BankError) as info:
        check_code_tasks(load_bank(one_task_bank.parent.parent))
    assert "bank/core-ml/precision-recall/solution.py: the model solution is not accepted" in info.value.problems[0]


def test_a_task_without_wrong_solutions_is_refused(one_task_bank):
    shutil.rmtree(one_task_bank / "wrong")
    with pytest.raises(BankError, match="needs known-wrong solutions"):
        load_bank(one_task_bank.parent.parent)


def test_a_second_solution_that_fails_is_refused_naming_the_file(one_task_bank):
    # Plausible but wrong: precision and recall swapped.
    (one_task_bank / "second_solution.py").write_text(
        "def precision_recall(y_true, y_pred, *, pos_label=1):\n"
        "    y_true, y_pred = list(y_true), list(y_pred)\n"
        "    if not y_true or len(y_true) != len(y_pred) or len(set(y_true) | set(y_pred)) > 2:\n"
        "        raise ValueError('bad input')\n"
        "    tp = sum(t == p == pos_label for t, p in zip(y_true, y_pred))\n"
        "    actual, predicted = y_true.count(pos_label), y_pred.count(pos_label)\n"
        "    return (tp / actual if actual else 0.0, tp / predicted if predicted else 0.0)\n"
    )
    with pytest.raises(BankError) as info:
        check_code_tasks(load_bank(one_task_bank.parent.parent))
    assert [p.split(" (")[0] for p in info.value.problems] == [
        "bank/core-ml/precision-recall/second_solution.py: the second solution is not accepted on the examples cases in the sandbox",
        "bank/core-ml/precision-recall/second_solution.py: the second solution is not accepted on the hidden cases in the sandbox",
    ]


def test_a_code_task_needs_a_second_solution_written_another_way(one_task_bank):
    (one_task_bank / "second_solution.py").unlink()
    with pytest.raises(BankError, match="second_solution.py: file is missing: a code task needs a second correct solution"):
        load_bank(one_task_bank.parent.parent)
    shutil.copy(one_task_bank / "solution.py", one_task_bank / "second_solution.py")
    with pytest.raises(BankError, match="second_solution.py: is the same code as solution.py"):
        load_bank(one_task_bank.parent.parent)


def test_the_second_solution_is_part_of_the_spec(one_task_bank):
    (task,) = load_bank(one_task_bank.parent.parent).questions
    assert task.spec["second_solution"] == (one_task_bank / "second_solution.py").read_text()
