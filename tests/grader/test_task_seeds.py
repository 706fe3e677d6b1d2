"""Every task's model solution passes whatever hidden seed an installation draws (the seed comes from its
secret key), so sync_bank on a new installation cannot fail by bad luck. Wrong solutions stay wrong."""

import pytest
from django.conf import settings

from grader import judging
from grader.cases import HIDDEN
from grader.models import Verdict
from questions.bank_format import load_bank

TASKS = [q for q in load_bank(settings.BANK_DIR).questions if q.type in ("code", "ml")]


@pytest.mark.parametrize("task", TASKS, ids=lambda t: t.slug)
def test_solution_passes_and_wrong_solutions_fail_for_many_seeds(task):
    seeds = [1, 2, 3] if task.type == "ml" else [1, 2, 3, 4, 5, 6, 7, 8]
    for seed in seeds:
        result = judging.run_task(task.type, task.spec, task.spec["solution"], which=HIDDEN, seed=seed, points=10)
        assert result.verdict == Verdict.ACCEPTED, (seed, result.feedback["message"])
    for name, code in task.spec["wrong"].items():
        result = judging.run_task(task.type, task.spec, code, which=HIDDEN, seed=seeds[-1], points=10)
        assert result.verdict != Verdict.ACCEPTED, name
