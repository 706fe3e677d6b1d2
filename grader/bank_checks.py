"""sync_bank's check of code and ML tasks: the model (and second) solution passes, every known-wrong solution fails."""

from __future__ import annotations

from grader import judging
from grader.cases import EXAMPLES, HIDDEN, hidden_seed, prepared_cases
from grader.comparison import compare_case
from grader.models import Verdict
from questions.bank_format import Bank, BankError, relative_path
from questions.models import CODE_TYPES

ML_MARGIN_ADVICE = (
    "The margin between this task's solution and its known-wrong solutions does not hold for this "
    "installation's hidden split. Widen it: a larger hidden split or a clearer problem in data.py, pass_at in "
    "question.yaml set between the scores of the two, or a wrong solution that is wrong by more than the noise; "
    "check it over many seeds with `pytest tests/grader/test_ml_margins.py`, then run sync_bank again."
)


def check_code_tasks(bank: Bank, *, progress=None) -> None:
    """Run each task's solution, second solution and wrong/ solutions through the real sandbox; raise BankError
    naming failures.

    `progress(done, total, slug)` is called after each task, since this takes a few seconds per task.
    """
    tasks = [q for q in bank.questions if q.type in CODE_TYPES]
    problems: list[str] = []
    for done, task in enumerate(tasks, start=1):
        problems += task_problems(task.type, task.spec, task.folder, task.content_hash, float(task.points))
        if progress:
            progress(done, len(tasks), task.slug)
    if problems:
        raise BankError(problems)


def task_problems(qtype: str, spec: dict, folder, content_hash: str, points: float) -> list[str]:
    """What is wrong with one task, as "path: problem" lines (empty when it is sound)."""
    where = relative_path(folder, folder.parent.parent)
    seed = hidden_seed(content_hash)
    problems = []
    try:
        if qtype == "code" and spec["compare"]["kind"] == "checker":
            # The reference's own output must satisfy the checker (for cases where it does not raise).
            for which in (EXAMPLES, HIDDEN):
                cases, expected = prepared_cases(spec, which=which, seed=seed)
                for case in cases:
                    if isinstance(expected[case.id], dict) and "raises" in expected[case.id]:
                        continue
                    record = {"ok": True, "value": expected[case.id]}
                    if not compare_case(spec, case, expected[case.id], record).passed:
                        problems.append(f"{where}/reference.py: fails checker.py on case {case.id} ({case.category})")
                        break
        for which in (EXAMPLES, HIDDEN) if qtype == "code" else (HIDDEN,):
            result = judging.run_task(qtype, spec, spec["solution"], which=which, seed=seed, points=points)
            failed_checks = [name for name, ok in result.details.get("checks", {}).items() if not ok]
            if qtype == "ml" and result.verdict != Verdict.ACCEPTED and failed_checks:
                problems.append(f"{where}/{_ml_solution_file(folder)}: the model solution fails the method check(s) "
                                f"{', '.join(failed_checks)} on this installation's hidden split")
            elif qtype == "ml" and result.verdict != Verdict.ACCEPTED and "metric" in result.details:
                problems.append(f"{where}/{_ml_solution_file(folder)}: {_ml_score(spec, result)}, short of pass_at "
                                f"{spec['pass_at']}. {ML_MARGIN_ADVICE}")
            elif result.verdict != Verdict.ACCEPTED:
                problems.append(
                    f"{where}/solution.py: the model solution is not accepted on the {which} cases in the sandbox "
                    f"({result.verdict}: {result.feedback['message'][:300]})"
                )
        if qtype == "code":
            # A second, independent correct solution: cases that only the model solution's approach passes
            # (or a reference quirk that only it copies) show up here.
            for which in (judging.EXAMPLES, judging.HIDDEN):
                result = judging.run_task(qtype, spec, spec["second_solution"], which=which, seed=seed, points=points)
                if result.verdict != Verdict.ACCEPTED:
                    problems.append(
                        f"{where}/second_solution.py: the second solution is not accepted on the {which} cases in "
                        f"the sandbox ({result.verdict}: {result.feedback['message'][:300]})"
                    )
        for name, code in spec["wrong"].items():
            result = judging.run_task(qtype, spec, code, which=HIDDEN, seed=seed, points=points)
            if result.verdict == Verdict.ACCEPTED and qtype == "ml":
                problems.append(f"{where}/wrong/{name}: this known-wrong solution {_ml_score(spec, result)}, past "
                                f"pass_at {spec['pass_at']}. {ML_MARGIN_ADVICE}")
            elif result.verdict == Verdict.ACCEPTED:
                problems.append(f"{where}/wrong/{name}: this known-wrong solution passes every hidden case")
    except Exception as exc:  # noqa: BLE001 - a broken trusted file: report it against the task
        problems.append(f"{where}: the task's files fail: {type(exc).__name__}: {exc}")
    return problems


def _ml_score(spec: dict, result: judging.Judgement) -> str:
    name = spec["metric"].upper().replace("_", "-")
    return f"scores {name} {result.details['metric']:.4f} on this installation's hidden split"


def _ml_solution_file(folder) -> str:
    return "solution.py" if (folder / "solution.py").exists() else "reference.py"
