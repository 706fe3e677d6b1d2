"""pandas tasks and ML method checks, graded through the real sandbox exactly as a worker grades (issue 13)."""

import textwrap

import pytest
from django.conf import settings

from grader import judging
from grader.cases import EXAMPLES, HIDDEN, hidden_seed
from grader.models import Verdict
from questions.bank_format import load_bank

BANK = {q.slug: q for q in load_bank(settings.BANK_DIR).questions}
GROUPBY = "groupby-missing-groups"
IMPUTE_ML = "impute-inside-the-model"


def grade(slug: str, code: str, which: str = HIDDEN) -> judging.Judgement:
    task = BANK[slug]
    return judging.run_task(task.type, task.spec, textwrap.dedent(code), which=which,
                            seed=hidden_seed(task.content_hash), points=float(task.points))


def wrong(slug: str, name: str) -> str:
    return BANK[slug].spec["wrong"][name]


def test_a_pandas_task_gets_dataframes_in_and_compares_the_dataframe_out():
    result = grade(GROUPBY, BANK[GROUPBY].spec["solution"])
    assert result.verdict == Verdict.ACCEPTED and result.passed == result.total


def test_a_visible_example_shows_the_frames_as_tables_and_says_which_column_and_rows_differ():
    result = grade(GROUPBY, wrong(GROUPBY, "nan_total_without_sales.py"), which=EXAMPLES)
    assert result.verdict == Verdict.WRONG_ANSWER
    failed = next(e for e in result.feedback["examples"] if not e["passed"])
    assert failed["call"] == "DataFrame (2 rows × 2 columns), ['south', 'north']"
    assert failed["error"] == ("the result: column 'total' is different in 1 of 2 rows (50.0 %):\n"
                               "  row 0 (index 0): expected 0.0, got NaN")
    assert failed["expected"].splitlines()[:3] == ["   store  n_sales  total  mean_amount",
                                                   "0  south        0    0.0          NaN",
                                                   "1  north        1   10.0         10.0"]
    assert "north" in failed["inputs"] and failed["tables"] is True
    assert "column 'total'" in result.feedback["message"]


def test_a_hidden_run_says_only_counts_and_categories():
    result = grade(GROUPBY, wrong(GROUPBY, "nan_total_without_sales.py"))
    assert result.verdict == Verdict.WRONG_ANSWER
    assert result.feedback["examples"] == []
    assert result.feedback["message"].startswith("Wrong answer on a case in 'missing groups'.")
    assert "column" not in result.feedback["message"] and "NaN" not in result.feedback["message"]


def test_returning_a_dataframe_subclass_is_not_plain_data():
    result = grade(GROUPBY, """
        import pandas as pd
        class Agreeable(pd.DataFrame):
            def __eq__(self, other):
                return True
        def sales_by_store(sales, stores):
            return Agreeable({"store": stores})
    """)
    assert result.verdict == Verdict.WRONG_ANSWER and result.passed == 0
    assert "not plain data" in result.feedback["message"]


def test_pandas_is_there_only_for_the_tasks_that_allow_it():
    no_pandas = grade("k-fold", "import pandas\ndef k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):\n    return []\n")
    assert no_pandas.verdict == Verdict.REJECTED


# ------------------------------------------------------------------ ML tasks: the method checks

def test_the_model_solution_passes_the_metric_and_every_method_check():
    result = grade(IMPUTE_ML, BANK[IMPUTE_ML].spec["solution"])
    assert result.verdict == Verdict.ACCEPTED
    assert result.details["checks"] == {"batch_independence": True, "reproducible": True}
    assert (result.passed, result.total) == (3, 3)


def test_a_leak_that_the_metric_cannot_see_loses_the_method_points():
    spec = BANK[IMPUTE_ML].spec
    result = grade(IMPUTE_ML, wrong(IMPUTE_ML, "fills_with_batch_means.py"))
    assert result.verdict == Verdict.WRONG_ANSWER
    assert result.details["metric"] <= spec["pass_at"]  # the metric looks fine
    assert result.details["checks"] == {"batch_independence": False, "reproducible": True}
    metric_points = result.max_score - sum(spec["checks"].values())
    assert result.score == pytest.approx(round(metric_points * judging.metric_fraction(spec, result.details["metric"])
                                               + spec["checks"]["reproducible"], 4))
    assert {"name": "method: predictions do not depend on the other test rows", "passed": 0, "total": 1} in (
        result.feedback["categories"])
    assert "Learn every statistic in fit(), from the training rows." in result.feedback["message"]


def test_a_model_that_takes_its_statistics_from_the_first_rows_it_predicts_loses_the_method_points():
    # It keeps the statistics of its first batch, the whole test split: each smaller batch must meet a copy of the
    # model as fit left it, or every batch would agree.
    result = grade(IMPUTE_ML, wrong(IMPUTE_ML, "fills_with_the_first_batch_means.py"))
    assert result.verdict == Verdict.WRONG_ANSWER
    assert result.details["checks"] == {"batch_independence": False, "reproducible": True}


def test_a_model_that_cannot_be_copied_is_trained_again_for_each_batch_and_passes():
    code = BANK[IMPUTE_ML].spec["solution"] + """

class Holder:
    def __init__(self):
        self.pipeline = build_pipeline()
        self.numbers = (i for i in range(3))  # a generator: copy.deepcopy refuses it

    def fit(self, X, y):
        self.pipeline.fit(X, y)
        return self

    def predict(self, X):
        return self.pipeline.predict(X)


build_pipeline, build_model = build_model, Holder
"""
    result = grade(IMPUTE_ML, code)
    assert result.verdict == Verdict.ACCEPTED
    assert result.details["checks"] == {"batch_independence": True, "reproducible": True}


def test_a_model_that_is_not_seeded_fails_the_reproducibility_check():
    result = grade(IMPUTE_ML, wrong(IMPUTE_ML, "unseeded_trees.py"))
    assert result.verdict == Verdict.WRONG_ANSWER
    assert result.details["checks"] == {"batch_independence": True, "reproducible": False}
    assert "set the random seed" in result.feedback["message"]


def test_method_checks_count_only_once_the_metric_passes():
    result = grade(IMPUTE_ML, wrong(IMPUTE_ML, "predicts_the_mean.py"))
    assert result.details["checks"] == {"batch_independence": True, "reproducible": True}
    assert result.score == 0.0
    assert "count once the metric reaches the pass mark" in result.feedback["message"]
