"""Start the trail from what exists: every grader.SubmissionGrade becomes an automatic GradeRecord, every
graded answer gets its automatic record, and every free-text answer still waiting joins the review queue."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    SubmissionGrade = apps.get_model("grader", "SubmissionGrade")
    Attempt = apps.get_model("questions", "Attempt")
    GradeRecord = apps.get_model("reviews", "GradeRecord")
    ReviewItem = apps.get_model("reviews", "ReviewItem")
    previous: dict[int, float] = {}
    batch = []
    for g in SubmissionGrade.objects.order_by("created_at", "id").iterator():
        batch.append(GradeRecord(
            submission_id=g.submission_id, version_id=g.version_id, source="automatic", applied=True,
            score_before=previous.get(g.submission_id), score=g.score, max_score=g.max_score, reason=g.reason[:500],
            verdict=g.verdict, passed=g.passed, total=g.total, feedback=g.feedback, details=g.details,
        ))
        previous[g.submission_id] = g.score
    for a in Attempt.objects.filter(status="graded").order_by("created_at", "id").iterator():
        batch.append(GradeRecord(
            attempt_id=a.pk, version_id=a.version_id, source="automatic", applied=True, score=a.score,
            max_score=a.max_score, reason="automatic grading", feedback={"overall": a.feedback},
        ))
    created = GradeRecord.objects.bulk_create(batch, batch_size=500)
    # auto_now_add stamped them now: keep each grade's own time.
    for record, source_row in zip(created, _sources(SubmissionGrade, Attempt)):
        GradeRecord.objects.filter(pk=record.pk).update(created_at=source_row)
    for a in Attempt.objects.filter(status="pending_review").iterator():
        key = hmac.new(settings.SECRET_KEY.encode(), f"review-order:free_text:{secrets.token_hex(8)}".encode(),
                       hashlib.sha256).hexdigest()
        item = ReviewItem.objects.create(kind="free_text", question_id=a.question_id, attempt_id=a.pk, order_key=key)
        ReviewItem.objects.filter(pk=item.pk).update(created_at=a.created_at)


def _sources(SubmissionGrade, Attempt):
    """The creation times of the rows copied, in the order they were copied."""
    yield from SubmissionGrade.objects.order_by("created_at", "id").values_list("created_at", flat=True)
    yield from Attempt.objects.filter(status="graded").order_by("created_at", "id").values_list("created_at", flat=True)


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0001_initial"),
        ("grader", "0002_queue_lease_and_prepared_cases"),
        ("questions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
