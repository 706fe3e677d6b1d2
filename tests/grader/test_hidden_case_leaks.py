"""Nothing a submission's code controls reaches the candidate from a run that had hidden cases.

Each hostile submission below smuggles a marker through one channel a candidate could read (DESIGN.md,
grading protocol 7). The marker is checked against what the candidate really sees: the submission page
(through the real URLs) and `manage.py grade --json`. The submissions also read the hidden inputs from the
harness's frames, as a real attack would, and put them in the marker's place.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from grader.models import Submission, SubmissionKind, Verdict
from grader.services import submit
from questions.models import Question

pytestmark = pytest.mark.django_db
MARKER = "LEAKMARK"
# Built at run time, so the marker is not in the code itself (the candidate sees their own code).
MAKE_MARKER = 'M = "LEAK" + "MARK"\n'
ROOT = Path(settings.BASE_DIR)

# What the code holds at import time: the harness's frames, with the whole run (hidden inputs) in them.
STEAL = MAKE_MARKER + """
import sys
def _stolen():
    frame = sys._getframe()
    while frame is not None:
        run = frame.f_locals.get("run")
        if isinstance(run, dict) and "cases" in run:
            return M + repr(run["cases"])[:200]
        frame = frame.f_back
    return M
"""

CHANNELS = {
    "exception message at import time": STEAL + "raise RuntimeError(_stolen())\n",
    "invented ModuleNotFoundError at import time": STEAL + "raise ModuleNotFoundError(_stolen())\n",
    # Compile errors are shown in full, but only as the trusted side finds them: this code compiles.
    "invented SyntaxError at import time": STEAL + "raise SyntaxError(_stolen(), ('submission.py', 1, 1, _stolen()))\n",
    "exception class name on hidden cases": MAKE_MARKER + """
def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    raise type(M + str(sum(y_true)), (Exception,), {})("x")
""",
    "class name of a returned object": MAKE_MARKER + """
def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return type(M + str(len(y_true)), (), {})()
""",
    "prints, warns, raises and returns a marker on every case": MAKE_MARKER + """
import sys, warnings
def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    text = M + repr(list(y_true))
    print(text)
    print(text, file=sys.__stdout__)
    print(text, file=sys.stderr)
    warnings.warn(text)
    if len(y_true) % 2:
        raise ValueError(text)
    return text
""",
}


def candidate_page(client, candidate, code, kind=SubmissionKind.SUBMIT, capture=None) -> tuple[Submission, str]:
    with capture(execute=True):
        submission = submit(candidate=candidate, question=Question.objects.get(slug="f1-score"), code=code, kind=kind)
    client.force_login(candidate)
    page = client.get(reverse("submission-detail", args=[submission.pk])).content.decode()
    submission.refresh_from_db()
    return submission, page


@pytest.mark.parametrize("channel", CHANNELS, ids=list(CHANNELS))
def test_the_submission_page_shows_nothing_the_code_controls(client, candidate, eager_celery,
                                                            django_capture_on_commit_callbacks, channel):
    submission, page = candidate_page(client, candidate, CHANNELS[channel], capture=django_capture_on_commit_callbacks)
    assert submission.verdict != Verdict.ACCEPTED
    assert MARKER not in page
    assert MARKER not in json.dumps(submission.feedback)
    assert submission.get_verdict_display() in page


@pytest.mark.parametrize("channel", CHANNELS, ids=list(CHANNELS))
def test_the_grade_command_prints_nothing_the_code_controls(tmp_path, channel):
    solution = tmp_path / "solution.py"
    solution.write_text(CHANNELS[channel])
    env = {**os.environ, "DATABASE_URL": "sqlite:////nonexistent/folder/db.sqlite3"}
    env.pop("REDIS_URL", None)
    result = subprocess.run([sys.executable, "manage.py", "grade", "f1-score", str(solution), "--json"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] != "accepted"
    assert MARKER not in result.stdout and MARKER not in result.stderr


def test_a_hidden_run_names_no_exception_type_not_even_one_of_pythons_own(client, candidate, eager_celery,
                                                                          django_capture_on_commit_callbacks):
    # The code picks which built-in exception to raise from a hidden input: naming the type would spell it out.
    code = ('import builtins\n'
            'NAMES = sorted(n for n, o in vars(builtins).items() if isinstance(o, type) and issubclass(o, Exception))\n'
            'def f1_score(y_true, y_pred, *, average="binary", pos_label=1):\n'
            '    raise getattr(builtins, NAMES[len(y_true) % len(NAMES)])("sec" + "ret")\n')
    submission, page = candidate_page(client, candidate, code, capture=django_capture_on_commit_callbacks)
    assert submission.verdict == Verdict.RUNTIME_ERROR
    message = submission.feedback["message"]
    assert "raised an exception on a case in" in message
    assert not re.search(r"\b[A-Z]\w*(Error|Exception|Warning|Exit|Interrupt|Iteration)\b",
                         json.dumps(submission.feedback)), message
    assert "secret" not in page


def test_an_exception_of_the_codes_own_class_is_not_named(client, candidate, eager_celery,
                                                          django_capture_on_commit_callbacks):
    code = ('E = type("Oo" + "ps", (Exception,), {})\n'
            'def f1_score(y_true, y_pred, *, average="binary", pos_label=1):\n    raise E()\n')
    submission, page = candidate_page(client, candidate, code, capture=django_capture_on_commit_callbacks)
    assert "raised an exception on a case in" in submission.feedback["message"]
    assert "Oops" not in page


def test_compile_errors_are_shown_in_full(client, candidate, eager_celery,
                                                                django_capture_on_commit_callbacks):
    code = 'def f1_score(y_true, y_pred):\n    return (y_true ==\n'
    submission, page = candidate_page(client, candidate, code, capture=django_capture_on_commit_callbacks)
    assert submission.verdict == Verdict.RUNTIME_ERROR
    assert "does not compile" in page and "line 2" in page
    assert submission.grade_records.get().details["compile_error"]


def test_example_runs_show_everything_since_they_hold_no_hidden_input(client, candidate, eager_celery,
                                                                       django_capture_on_commit_callbacks):
    code = CHANNELS["prints, warns, raises and returns a marker on every case"]
    submission, page = candidate_page(client, candidate, code, kind=SubmissionKind.EXAMPLES,
                                      capture=django_capture_on_commit_callbacks)
    assert MARKER in page  # the visible cases' output, errors and returned values, in full
    assert "ValueError" in page


def test_staff_keep_the_details_of_a_hidden_run(client, candidate, eager_celery, django_capture_on_commit_callbacks):
    code = CHANNELS["exception class name on hidden cases"]
    submission, _ = candidate_page(client, candidate, code, capture=django_capture_on_commit_callbacks)
    details = submission.grade_records.get().details
    assert any(MARKER in case["error_type"] for case in details["cases"])
