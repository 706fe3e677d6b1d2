"""submit(), grade(), regrade() and the sweep, with the real sandbox and Celery run in-process."""

import json
from collections import OrderedDict
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from grader import cases as grader_cases
from grader import services
from grader.models import (
    PreparedCases,
    Submission,
    SubmissionKind,
    SubmissionStatus,
    Verdict,
)
from grader.sandbox import launcher
from profiles.selectors import roadmap_progress
from questions.models import Question
from reviews.models import GradeRecord

pytestmark = pytest.mark.django_db
TASKS = Path(settings.BANK_DIR) / "core-ml"


def code_of(task: str, name: str) -> str:
    return (TASKS / task / name).read_text()


def submit_now(candidate, slug, code, kind=SubmissionKind.SUBMIT, capture=None):
    question = Question.objects.get(slug=slug)
    with capture(execute=True):
        submission = services.submit(candidate=candidate, question=question, code=code, kind=kind)
    submission.refresh_from_db()
    return submission


def test_a_correct_submission_is_accepted_and_feeds_progress(candidate, eager_celery, django_capture_on_commit_callbacks):
    submission = submit_now(candidate, "k-fold", code_of("k-fold", "solution.py"), capture=django_capture_on_commit_callbacks)
    assert (submission.status, submission.verdict, submission.score) == (SubmissionStatus.GRADED, Verdict.ACCEPTED, 10.0)
    assert submission.grade_records.count() == 1
    core = next(p for p in roadmap_progress(candidate=candidate) if p.stage.slug == "core-ml")
    assert core.solved == 1 and core.points_earned == 10


def test_a_wrong_submission_gets_partial_points_and_categories(candidate, eager_celery, django_capture_on_commit_callbacks):
    submission = submit_now(candidate, "k-fold", code_of("k-fold", "wrong/ignores_seed.py"), capture=django_capture_on_commit_callbacks)
    assert submission.verdict == Verdict.WRONG_ANSWER
    assert 0 < submission.score < submission.max_score
    failing = [c for c in submission.feedback["categories"] if c["passed"] < c["total"]]
    assert [c["name"] for c in failing] == ["shuffled"]


def test_expected_values_are_computed_once_per_version_and_stored_not_per_submission(
    candidate, other_candidate, eager_celery, django_capture_on_commit_callbacks, monkeypatch
):
    computed = []
    real = grader_cases.expected_outputs
    monkeypatch.setattr(grader_cases, "expected_outputs", lambda spec, cases: computed.append(1) or real(spec, cases))
    monkeypatch.setattr(grader_cases, "_PREPARED", OrderedDict())  # this process has nothing kept yet
    solution = code_of("k-fold", "solution.py")
    first = submit_now(candidate, "k-fold", solution, capture=django_capture_on_commit_callbacks)
    assert first.verdict == Verdict.ACCEPTED and len(computed) == 1
    assert PreparedCases.objects.filter(version=first.version, which=grader_cases.HIDDEN).count() == 1
    # Another submission, and one in a process that starts afresh (its store is empty): read, not computed.
    submit_now(other_candidate, "k-fold", solution + "\n# again\n", capture=django_capture_on_commit_callbacks)
    monkeypatch.setattr(grader_cases, "_PREPARED", OrderedDict())
    wrong = submit_now(candidate, "k-fold", code_of("k-fold", "wrong/ignores_seed.py"),
                       capture=django_capture_on_commit_callbacks)
    assert wrong.verdict == Verdict.WRONG_ANSWER and len(computed) == 1


def test_a_process_keeps_the_prepared_cases_it_used_last_when_its_store_is_full(monkeypatch):
    monkeypatch.setattr(grader_cases, "_PREPARED", OrderedDict())
    for n in range(64):
        grader_cases.remember_prepared(("version", n), [], {})
    assert grader_cases.cached_prepared(("version", 0)) is not None  # used again: now the most recent
    grader_cases.remember_prepared(("version", 64), [], {})
    assert grader_cases.cached_prepared(("version", 0)) is not None
    assert grader_cases.cached_prepared(("version", 1)) is None


def test_each_case_list_is_sent_with_its_own_inputs_and_encoded_once(monkeypatch):
    monkeypatch.setattr(grader_cases, "_RUNS", OrderedDict())
    cases = [grader_cases.Case(id="h0", category="edge", args=[[1, 0, 1], [1, 1, 0]])]
    first = grader_cases.code_run_json(cases, entry_point="f1_score", packages=["numpy"])
    assert json.loads(first) == {"entry_point": "f1_score", "mode": "function", "packages": ["numpy"],
                                 "cases": [cases[0].to_run()]}
    assert grader_cases.code_run_json(cases, entry_point="f1_score", packages=["numpy"]) is first  # kept
    assert json.loads(grader_cases.code_run_json(cases, entry_point="recall", packages=[]))["entry_point"] == "recall"
    # Lists come and go: one made after another is gone may get its id, and must still be sent its own inputs.
    for n in range(200):
        made = [grader_cases.Case(id=f"c{n}", category="edge", args=[n])]
        sent = json.loads(grader_cases.code_run_json(made, entry_point="f1_score", packages=["numpy"]))
        assert [(c["id"], c["args"]) for c in sent["cases"]] == [(f"c{n}", [n])]
    assert len(grader_cases._RUNS) == 64


def test_grading_is_idempotent(candidate, eager_celery, django_capture_on_commit_callbacks):
    submission = submit_now(candidate, "k-fold", code_of("k-fold", "solution.py"), capture=django_capture_on_commit_callbacks)
    services.grade(submission_id=submission.pk)
    services.grade(submission_id=submission.pk)
    assert GradeRecord.objects.filter(submission=submission).count() == 1


def test_example_runs_show_cases_in_full_and_never_count(candidate, eager_celery, django_capture_on_commit_callbacks):
    code = code_of("k-fold", "starter.py")
    submission = submit_now(candidate, "k-fold", code, kind=SubmissionKind.EXAMPLES, capture=django_capture_on_commit_callbacks)
    examples = submission.feedback["examples"]
    assert len(examples) == 2 and examples[0]["call"] == "10, 3"
    assert "NotImplementedError" in examples[0]["error"]
    core = next(p for p in roadmap_progress(candidate=candidate) if p.stage.slug == "core-ml")
    assert core.started == 0


def test_regrade_keeps_every_earlier_grade(candidate, eager_celery, django_capture_on_commit_callbacks):
    submission = submit_now(candidate, "k-fold", code_of("k-fold", "solution.py"), capture=django_capture_on_commit_callbacks)
    call_command("regrade", "k-fold", reason="new hidden cases", stdout=open("/dev/null", "w"))
    grades = list(submission.grade_records.order_by("created_at", "id"))
    assert [g.reason for g in grades] == ["first grading", "new hidden cases"]
    assert all(g.verdict == Verdict.ACCEPTED for g in grades)


def test_a_regrade_never_replaces_a_reviewers_override_and_tells_the_candidate_of_a_change(
        candidate, reviewer, eager_celery, django_capture_on_commit_callbacks):
    from io import StringIO

    from reviews.models import Notification
    from reviews.services import grade_override

    overridden = submit_now(candidate, "k-fold", code_of("k-fold", "solution.py"), capture=django_capture_on_commit_callbacks)
    wrong = submit_now(candidate, "k-fold", code_of("k-fold", "wrong/never_shuffles.py"), capture=django_capture_on_commit_callbacks)
    grade_override(reviewer=reviewer, submission=overridden, score=1, reason="hard-coded folds")
    Notification.objects.all().delete()
    Submission.objects.filter(pk=wrong.pk).update(score=0)  # as if the old hidden cases had failed it entirely
    out = StringIO()
    call_command("regrade", "k-fold", reason="new hidden cases", stdout=out)
    overridden.refresh_from_db()
    assert overridden.score == 1  # the reviewer's grade stands
    last = overridden.grade_records.order_by("-created_at", "-id").first()
    assert not last.applied and last.score == overridden.max_score and "a person's grade stands" in last.reason
    assert "On 1 of them a reviewer's grade stands" in out.getvalue()
    wrong.refresh_from_db()
    assert wrong.score > 0
    (note,) = Notification.objects.filter(user=candidate)
    assert "changed from 0 to" in note.text and "new hidden cases" in note.text


def test_our_failures_retry_and_end_as_grader_error(candidate, eager_celery, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(launcher.shutil, "which", lambda name: None)  # bubblewrap vanished from the worker
    monkeypatch.setenv("MLASSESS_SANDBOX_WARM", "0")  # (a zygote started before still runs: it needs no bwrap)
    eager_celery.conf.task_eager_propagates = False  # eager retries run inline; the last one ends the chain
    submission = submit_now(candidate, "k-fold", code_of("k-fold", "solution.py"), capture=django_capture_on_commit_callbacks)
    assert submission.status == SubmissionStatus.FAILED
    assert submission.verdict == Verdict.GRADER_ERROR
    assert submission.tries == 5  # the first try and four retries
    assert "not your fault" in submission.feedback["message"]
    assert submission.score is None
    core = next(p for p in roadmap_progress(candidate=candidate) if p.stage.slug == "core-ml")
    assert core.started == 0  # never counted against the candidate


def lost_submission(candidate, *, status=SubmissionStatus.QUEUED, sent_ago=timedelta(minutes=2), lease_left=None):
    question = Question.objects.get(slug="k-fold")
    now = timezone.now()
    return Submission.objects.create(
        candidate=candidate, question=question, version=question.current_version, code=code_of("k-fold", "solution.py"),
        max_score=10, status=status, enqueued_at=now - sent_ago, sends=1,
        lease_until=None if lease_left is None else now + lease_left,
    )


@pytest.fixture
def broker_folder(settings, tmp_path):
    """The folder broker of the embedded set-up, in a folder of this test's own (even when the suite runs on Redis)."""
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {**settings.CELERY_BROKER_TRANSPORT_OPTIONS, "data_folder_in": str(tmp_path)}
    return tmp_path


def test_the_sweep_sends_again_what_the_broker_lost(candidate, eager_celery, django_capture_on_commit_callbacks, broker_folder):
    lost = lost_submission(candidate)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sweep_stuck() == [lost.pk]
    lost.refresh_from_db()
    assert (lost.verdict, lost.sends) == (Verdict.ACCEPTED, 2)


def test_the_sweep_leaves_a_backlog_alone(candidate, broker_folder):
    waiting = lost_submission(candidate)  # long since sent, but its message is still in the broker
    (broker_folder / "1_x.grading.msg").write_text(f'{{"headers": {{"id": "grade-{waiting.pk}-0123456789ab"}}}}')
    recent = lost_submission(candidate, sent_ago=timedelta(seconds=5))  # not in the broker, but only just sent
    assert services.sweep_stuck() == []
    assert set(Submission.objects.values_list("sends", flat=True)) == {1}
    assert recent.pk not in services.sweep_stuck()


def test_the_sweep_sends_again_a_submission_whose_worker_lost_its_lease(candidate, eager_celery,
                                                                        django_capture_on_commit_callbacks, broker_folder):
    dead = lost_submission(candidate, status=SubmissionStatus.RUNNING, lease_left=-timedelta(seconds=1))
    alive = lost_submission(candidate, status=SubmissionStatus.RUNNING, lease_left=timedelta(seconds=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.sweep_stuck() == [dead.pk]
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.verdict == Verdict.ACCEPTED and alive.status == SubmissionStatus.RUNNING


def test_a_duplicate_message_finds_the_lease_and_leaves(candidate):
    held = lost_submission(candidate, status=SubmissionStatus.RUNNING, lease_left=timedelta(seconds=30))
    services.grade(submission_id=held.pk)  # another worker holds it: nothing runs
    held.refresh_from_db()
    assert (held.status, held.tries, held.grade_records.count()) == (SubmissionStatus.RUNNING, 0, 0)


@pytest.mark.parametrize(
    "code, message",
    [("", "Write some code"), ("x" * 70_000, "limited to 64 KB")],
)
def test_bad_submissions_are_refused(candidate, code, message):
    with pytest.raises(ValidationError, match=message):
        services.submit(candidate=candidate, question=Question.objects.get(slug="k-fold"), code=code)
    assert not Submission.objects.exists()


def test_code_cannot_be_submitted_to_a_choice_question(candidate):
    with pytest.raises(ValidationError, match="not a code task"):
        services.submit(candidate=candidate, question=Question.objects.get(slug="l1-zeroes-weights"), code="x = 1")


def test_too_many_open_submissions_are_refused(candidate):
    question = Question.objects.get(slug="k-fold")
    for i in range(services.MAX_OPEN_SUBMISSIONS):
        services.submit(candidate=candidate, question=question, code=f"x = {i}")
    with pytest.raises(ValidationError, match="still being graded"):
        services.submit(candidate=candidate, question=question, code="x = 'one more'")


def test_the_same_code_sent_twice_at_once_is_one_submission(candidate):
    question = Question.objects.get(slug="k-fold")
    first = services.submit(candidate=candidate, question=question, code="x = 1")
    again = services.submit(candidate=candidate, question=question, code="x = 1")
    assert again.pk == first.pk
    assert Submission.objects.count() == 1
    # Other code, or the same code as an example run, is a submission of its own.
    services.submit(candidate=candidate, question=question, code="x = 2")
    services.submit(candidate=candidate, question=question, code="x = 1", kind=SubmissionKind.EXAMPLES)
    assert Submission.objects.count() == 3


def test_the_same_code_later_is_a_new_submission(candidate):
    question = Question.objects.get(slug="k-fold")
    first = services.submit(candidate=candidate, question=question, code="x = 1")
    Submission.objects.filter(pk=first.pk).update(created_at=timezone.now() - services.DUPLICATE_WINDOW - timedelta(seconds=1))
    assert services.submit(candidate=candidate, question=question, code="x = 1").pk != first.pk
