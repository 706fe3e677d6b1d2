"""Attacks found by red-teaming the grader, none mocked: through the real sandbox (both paths, where a test
takes `sandbox`) or through submit() and grade() with the sandbox behind them.

Each test is an attack that once worked; its comment says what it did, and the fix's comment why it no longer
does.
"""

import errno

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from grader import services
from grader.models import SubmissionKind, SubmissionStatus, Verdict
from grader.sandbox.launcher import Limits
from questions.models import Question
from tests.security.conftest import value_of

# Write the whole result channel ourselves (an import record and one record per case), then leave before the
# harness writes anything: nothing is duplicated, so only the records' content can give the forgery away.
FORGE_EVERY_CASE = """
import json, os
run = json.load(open("/task/run.json"))
for fd in os.listdir("/proc/self/fd"):
    try:
        target = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        continue
    if target.startswith("pipe:") and int(fd) > 2:
        lines = [json.dumps({"event": "import", "ok": True})]
        for i, case in enumerate(run["cases"]):  # VALUE: the JSON text of case i's value
            lines.append('{"event": "case", "id": %s, "ok": true, "value": %s}' % (json.dumps(case["id"]), VALUE))
        try:
            os.write(int(fd), ("\\n".join(lines) + "\\n").encode())
        except OSError:
            pass
os._exit(0)
"""


def test_a_forged_integer_too_big_for_a_float_is_tampering_not_a_grader_fault(sandbox):
    # JSON carries integers of thousands of digits; comparing one with an expected float raised OverflowError
    # on the trusted side: grader_error, retried, and "never the candidate's fault".
    result = sandbox.grade("f1-score", FORGE_EVERY_CASE.replace("VALUE", '"9" * 400'))
    assert result.verdict == Verdict.WRONG_ANSWER and result.passed == 0
    assert "result channel" in result.feedback["message"]


def test_a_forged_record_of_a_million_empty_lists_is_refused_before_it_is_parsed(sandbox):
    # 3 bytes of "[]," parse into a 56-byte list: a record filling the channel's 16 MB held 450 MB of the
    # worker for seconds. Past the harness's own bound on values, a record is refused unparsed.
    result = sandbox.grade("f1-score", FORGE_EVERY_CASE.replace("VALUE", '"[" + "[]," * 1_100_000 + "[]]" if i == 0 else "0.0"'))
    assert result.verdict == Verdict.WRONG_ANSWER and result.passed == 0
    assert "result channel" in result.feedback["message"]


NUL_BYTES = '''
import os, sys
os.write(1, b"before\\x00after")
def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    print("in a case \\x00 and half a character \\ud800")
    if len(y_true) % 2:
        return "a text \\x00 returned"
    raise ValueError("a message \\x00")
'''


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize("kind", [SubmissionKind.EXAMPLES, SubmissionKind.SUBMIT])
def test_nul_and_lone_surrogates_in_what_the_code_prints_or_returns_are_graded_not_a_grader_error(
        kind, candidate, eager_celery, django_capture_on_commit_callbacks):
    # PostgreSQL's jsonb refuses U+0000 and half a surrogate pair: a submission whose output, exception message or
    # returned text held one could not be saved, was retried as our fault and ended as grader_error, which never
    # counts against it.
    if connection.vendor != "postgresql":
        pytest.skip("set DATABASE_URL to a PostgreSQL database to run this (CI does)")
    question = Question.objects.get(slug="f1-score")
    with django_capture_on_commit_callbacks(execute=True):
        submission = services.submit(candidate=candidate, question=question, code=NUL_BYTES, kind=kind)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.GRADED
    assert submission.verdict in (Verdict.WRONG_ANSWER, Verdict.RUNTIME_ERROR) and submission.passed < submission.total


NOT_A_NUMBER = """
def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
    return [float("nan"), float("inf"), float("-inf")][len(y_true) % 3] if len(y_true) % 2 else float("inf")
"""


@pytest.mark.django_db
@pytest.mark.parametrize("kind", [SubmissionKind.EXAMPLES, SubmissionKind.SUBMIT])
def test_nan_and_infinities_returned_are_graded_and_shown_not_a_grader_error(
        kind, candidate, eager_celery, django_capture_on_commit_callbacks):
    # JSON has no NaN or infinity, and neither SQLite's JSON check nor PostgreSQL's jsonb takes Python's: an example
    # run whose code returned one could not be saved, was retried as our fault for a minute and ended as
    # grader_error, hiding the very bug (an overflow) that tasks such as stable-logsumexp are there to show.
    question = Question.objects.get(slug="f1-score")
    with django_capture_on_commit_callbacks(execute=True):
        submission = services.submit(candidate=candidate, question=question, code=NOT_A_NUMBER, kind=kind)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.GRADED and submission.verdict == Verdict.WRONG_ANSWER
    if kind == SubmissionKind.EXAMPLES:
        shown = {example["got"] for example in submission.feedback["examples"]}
        assert shown and shown <= {"nan", "inf", "-inf"}


@pytest.mark.django_db
def test_code_with_a_nul_character_or_a_lone_surrogate_is_refused_with_a_message(candidate):
    # The form refuses U+0000; the service, which every caller goes through, must refuse both: the database cannot
    # store them (a server error), and Python cannot compile them anyway.
    question = Question.objects.get(slug="f1-score")
    for unstorable in ("\x00", "\ud800"):
        with pytest.raises(ValidationError, match="null character"):
            services.submit(candidate=candidate, question=question, code=f"def f1_score():\n    return 1 # {unstorable}\n")
    assert not question.submissions.exists()


SYSTEM_V_IPC = """
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    held = {"queues": 0, "shared": 0, "semaphores": 0, "errors": []}
    message = ctypes.create_string_buffer(8 + 8000)
    message[0] = b"\\x01"
    for _ in range(32000):
        queue = libc.msgget(0, 0o1600)
        if queue < 0:
            held["errors"].append(ctypes.get_errno())
            break
        while libc.msgsnd(queue, message, 8000, 0o4000) == 0:  # IPC_NOWAIT
            held["queues"] += 8000
    for name, made in (("shared", libc.shmget(0, 1 << 20, 0o1600)), ("semaphores", libc.semget(0, 1, 0o1600))):
        held[name] = made >= 0
        if made < 0:
            held["errors"].append(ctypes.get_errno())
    return held
"""


def test_system_v_ipc_is_denied_so_no_memory_outlives_what_the_oom_killer_ends(sandbox):
    # Memory held in System V shared memory or message queues (512 MB of them) belongs to the run's IPC
    # namespace, not to a process: it outlived the processes the OOM killer ended, so the OOM killer went on to
    # the zygote's next run, forked ahead (the zygote was replaced and the next run went cold). No grading run
    # needs System V IPC.
    held = value_of(sandbox.observe(SYSTEM_V_IPC, limits=Limits(time_seconds=20)))
    assert held == {"queues": 0, "shared": False, "semaphores": False, "errors": [errno.EPERM] * 3}


ML_PROBE = '''
import numpy as np
class Probe:  # scores every test row by its first feature: the metric is then a fingerprint of the split
    def fit(self, X, y):
        return self
    def predict_proba(self, X):
        score = 1 / (1 + np.exp(-np.asarray(X, dtype=float)[:, 0]))
        return np.column_stack([1 - score, score])
def build_model():
    return Probe()
'''


@pytest.mark.django_db
def test_each_ml_submission_is_scored_on_a_hidden_split_of_its_own(candidate, eager_celery,
                                                                    django_capture_on_commit_callbacks):
    # The hidden split was the same for every submission, and the feedback shows its metric to four places:
    # submissions that scored every row alike but one read that row's label (PR-AUC 0.0675 or 0.0710), so a
    # model that looked the test rows up could be made to pass.
    question = Question.objects.get(slug="imbalanced-classifier")
    metrics = []
    for attempt in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            submission = services.submit(candidate=candidate, question=question, code=f"{ML_PROBE}# {attempt}\n")
        submission.refresh_from_db()
        metrics.append(submission.feedback["metric"]["value"])
    assert metrics[0] != metrics[1]
    again = services.regrade(submission=submission, reason="the same split again")
    assert again.feedback["metric"]["value"] == metrics[1]  # a regrade is exact
