"""Upgrading keeps every grade: grader.SubmissionGrade rows become the first records of the trail, graded answers
get their automatic record, and free-text answers already waiting join the review queue."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("grader", "0002_queue_lease_and_prepared_cases"), ("reviews", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def test_submission_grades_and_answers_move_into_the_trail():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = _migrate(BEFORE)
    try:
        User, Question = old.get_model("accounts", "User"), old.get_model("questions", "Question")
        Submission, SubmissionGrade = old.get_model("grader", "Submission"), old.get_model("grader", "SubmissionGrade")
        Attempt = old.get_model("questions", "Attempt")
        user = User.objects.create(username="old", email="old@example.com")
        task, free, choice = (Question.objects.get(slug=s) for s in ("k-fold", "test-set-after-tuning", "l1-zeroes-weights"))
        sub = Submission.objects.create(candidate=user, question=task, version=task.current_version, code="x",
                                        status="graded", verdict="wrong_answer", score=5, max_score=10, passed=5, total=10)
        for score, reason in [(10, "first grading"), (5, "new hidden cases")]:
            SubmissionGrade.objects.create(submission=sub, version=task.current_version, verdict="accepted", score=score,
                                           max_score=10, passed=5, total=10, reason=reason)
        waiting = Attempt.objects.create(candidate=user, question=free, version=free.current_version, answer="x",
                                         status="pending_review", max_score=3)
        graded = Attempt.objects.create(candidate=user, question=choice, version=choice.current_version, answer="a",
                                        status="graded", score=1, max_score=1, feedback="Right.")
    finally:
        new = _migrate(latest)
    GradeRecord, ReviewItem = new.get_model("reviews", "GradeRecord"), new.get_model("reviews", "ReviewItem")
    trail = list(GradeRecord.objects.filter(submission_id=sub.pk).order_by("created_at", "id")
                 .values_list("source", "score_before", "score", "reason"))
    assert trail == [("automatic", None, 10, "first grading"), ("automatic", 10, 5, "new hidden cases")]
    record = GradeRecord.objects.get(attempt_id=graded.pk)
    assert (record.source, record.score, record.feedback) == ("automatic", 1, {"overall": "Right."})
    assert ReviewItem.objects.get(attempt_id=waiting.pk).kind == "free_text"
    assert "grader_submissiongrade" not in connection.introspection.table_names()
