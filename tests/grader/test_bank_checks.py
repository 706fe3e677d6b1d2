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
