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
    for name in ("predicts_the_mean.py", "predicts_zero.py", "raw_linear.py", "scales_on_the_first_batch.py"):  # one wrong solution is enough here
        (folder / "wrong" / name).unlink()
    return folder


def set_pass_mark(folder, pass_at, target):
    meta = yaml.safe_load((folder / "question.yaml").read_text())
    prompt = (folder / "prompt.md").read_text()  # which states the figures it is scored by
    prompt = prompt.replace(f"full marks at {meta['target']}", f"full marks at {float(target)}")
    (folder / "prompt.md").write_text(prompt.replace(f"accepted at {meta['pass_at']}", f"accepted at {float(pass_at)}"))
    meta.update(pass_at=float(pass_at), target=float(target))
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


LEAKY_SOLUTION = """
from sklearn.linear_model import Ridge
from sklearn.preprocessing import PolynomialFeatures


class ScalesEachBatch:
    \"\"\"Standardises the rows it is given with their own statistics, when fitting and when predicting: a leak.\"\"\"

    def fit(self, X, y):
        self.poly = PolynomialFeatures(degree=5)
        self.model = Ridge(alpha=1.0).fit(self.poly.fit_transform((X - X.mean(axis=0)) / X.std(axis=0)), y)
        return self

    def predict(self, X):
        return self.model.predict(self.poly.transform((X - X.mean(axis=0)) / X.std(axis=0)))


def build_model():
    return ScalesEachBatch()
"""


def test_an_ml_solution_that_fails_a_method_check_is_refused_naming_the_check(regression_task):
    (regression_task / "solution.py").write_text(LEAKY_SOLUTION)  # its RMSE passes: only the check catches it
    with pytest.raises(BankError) as info:
        check_code_tasks(load_bank(regression_task.parent.parent))
    [problem] = info.value.problems
    assert problem == ("bank/capstone/regression-feature-engineering/solution.py: the model solution fails the method "
                       "check(s) batch_independence on this installation's hidden split")


def test_an_ml_task_without_points_left_for_the_metric_is_refused(regression_task):
    meta = yaml.safe_load((regression_task / "question.yaml").read_text())
    meta["checks"] = {"batch_independence": 15, "reproducible": 5}
    (regression_task / "question.yaml").write_text(yaml.safe_dump(meta))
    with pytest.raises(BankError) as info:
        load_bank(regression_task.parent.parent)
    assert "the checks' points (20) must leave some of the question's 20 points to the metric" in str(info.value)


def test_an_unknown_method_check_is_refused(regression_task):
    meta = yaml.safe_load((regression_task / "question.yaml").read_text())
    meta["checks"] = {"looks_honest": 2}
    (regression_task / "question.yaml").write_text(yaml.safe_dump(meta))
    with pytest.raises(BankError) as info:
        load_bank(regression_task.parent.parent)
    assert "checks must map method checks (batch_independence, reproducible) to their points" in str(info.value)


def test_a_prompt_that_does_not_state_the_figures_it_is_scored_by_is_refused(regression_task):
    prompt = regression_task / "prompt.md"
    prompt.write_text(prompt.read_text().replace("0 at the RMSE of predicting the mean (5.0)", "0 at the RMSE of predicting the mean (5.5)"))
    with pytest.raises(BankError) as info:
        load_bank(regression_task.parent.parent)
    assert info.value.problems == [
        "bank/capstone/regression-feature-engineering/question.yaml: prompt.md's paragraph beginning \"Points:\" does "
        "not state baseline (5.0): candidates are told the figures they are scored by"
    ]
