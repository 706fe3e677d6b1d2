"""sync_bank refuses an ML task whose margin does not hold on this installation's hidden split, and says what
to change (the margin itself is shown over many seeds in test_ml_margins.py)."""

import shutil

import pytest
import yaml
from django.conf import settings

from grader.bank_checks import check_code_tasks
from questions.bank_format import BankError, load_bank


@pytest.fixture
def regression_task(tmp_path):
    bank = tmp_path / "bank"
    (bank / "capstone").mkdir(parents=True)
    shutil.copy(settings.BANK_DIR / "roadmap.yaml", bank / "roadmap.yaml")
    shutil.copytree(settings.BANK_DIR / "capstone" / "regression-feature-engineering", bank / "capstone" / "regression-feature-engineering")
    folder = bank / "capstone" / "regression-feature-engineering"
    for name in ("predicts_the_mean.py", "predicts_zero.py", "raw_linear.py"):  # one wrong solution is enough here
        (folder / "wrong" / name).unlink()
    return folder


def set_pass_mark(folder, pass_at, target):
    meta = yaml.safe_load((folder / "question.yaml").read_text())
    meta.update(pass_at=pass_at, target=target)
    (folder / "question.yaml").write_text(yaml.safe_dump(meta))


def test_a_known_wrong_ml_solution_past_the_pass_mark_is_refused_with_what_to_change(regression_task):
    set_pass_mark(regression_task, pass_at=3.0, target=0.6)  # degree-2 features score about 2.6
    with pytest.raises(BankError) as info:
        check_code_tasks(load_bank(regression_task.parent.parent))
    [problem] = info.value.problems
    assert problem.startswith("bank/capstone/regression-feature-engineering/wrong/degree_two_only.py: this known-wrong "
                              "solution scores RMSE 2.")
    assert "on this installation's hidden split, past pass_at 3.0. The margin" in problem
    assert "a larger hidden split or a clearer problem in data.py, pass_at in question.yaml" in problem
    assert "then run sync_bank again" in problem and "var/" not in problem


def test_an_ml_solution_short_of_the_pass_mark_is_refused_with_what_to_change(regression_task):
    set_pass_mark(regression_task, pass_at=0.3, target=0.2)  # below the noise floor: nothing gets there
    with pytest.raises(BankError) as info:
        check_code_tasks(load_bank(regression_task.parent.parent))
    [problem] = info.value.problems
    assert problem.startswith("bank/capstone/regression-feature-engineering/reference.py: scores RMSE 0.")
    assert "short of pass_at 0.3. The margin" in problem
