"""The grading trail, the review queue, appeals and notifications.

Every grade of an answer (questions.Attempt) or a code submission (grader.Submission) is one append-only
GradeRecord; the current grade copied onto the answer or submission is the newest record that applies.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from questions.models import QuestionVersion

# Each record, item and appeal belongs to exactly one answer or one submission.
ONE_TARGET = Q(attempt__isnull=False, submission__isnull=True) | Q(attempt__isnull=True, submission__isnull=False)


class GradeSource(models.TextChoices):
    AUTOMATIC = "automatic", "Automatic"
    REVIEWER = "reviewer", "Reviewer"
    SECOND = "second", "Second reviewer (agreement check)"
    LEAD = "lead", "Lead reviewer"
    OVERRIDE = "override", "Override"
    APPEAL = "appeal", "Appeal"


class GradeRecord(models.Model):
    """One grading of one answer or submission: added, never changed.

    `applied` is False only for a second reviewer's blind grade, which is kept for the agreement figures but
    does not change the candidate's grade (a disagreement goes to a lead reviewer instead).
    """

    attempt = models.ForeignKey("questions.Attempt", null=True, blank=True, on_delete=models.CASCADE, related_name="grade_records")
    submission = models.ForeignKey("grader.Submission", null=True, blank=True, on_delete=models.CASCADE, related_name="grade_records")
    # The version graded against: a new question version never changes an old grade.
    version = models.ForeignKey(QuestionVersion, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=12, choices=GradeSource.choices)
    grader = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="grades_given",
        help_text="Who graded; empty for an automatic grade.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied = models.BooleanField(default=True)
    score_before = models.FloatField(null=True, blank=True)
    score = models.FloatField()
    max_score = models.FloatField()
    reason = models.CharField(max_length=500)
    # Code submissions: the verdict and case counts this grade stands on.
    verdict = models.CharField(max_length=16, blank=True)
    passed = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # What the candidate may see. Reviewers: {"overall": str, "criteria": [{criterion, points, awarded, ticked,
    # comment}]}; the grader: its feedback (message, visible examples, hidden categories).
    feedback = models.JSONField(default=dict, blank=True)
    # The grader's full trusted-side record (hidden cases included): staff only, never candidates.
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["grader", "created_at"])]
        constraints = [
            models.CheckConstraint(condition=ONE_TARGET, name="grade_record_one_target"),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=F("max_score")), name="grade_record_score_in_range"
            ),
            models.CheckConstraint(
                condition=Q(source="automatic", grader__isnull=True) | ~Q(source="automatic"),
                name="grade_record_automatic_has_no_grader",
            ),
        ]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Grade records are append-only: add a new record instead.")
        super().save(*args, **kwargs)

    def __str__(self):
        target = f"answer #{self.attempt_id}" if self.attempt_id else f"submission #{self.submission_id}"
        return f"{self.get_source_display()} grade {self.score:g}/{self.max_score:g} of {target}"


class ReviewKind(models.TextChoices):
    FREE_TEXT = "free_text", "Free-text answer"
    APPEAL = "appeal", "Appeal"
    RECHECK = "recheck", "Re-check"
    SECOND_GRADE = "second_grade", "Second grade"
    LEAD = "lead", "Lead review"


class ReviewItem(models.Model):
    """Something waiting for a human grade, in the queue of its question until done."""

    kind = models.CharField(max_length=12, choices=ReviewKind.choices)
    question = models.ForeignKey("questions.Question", on_delete=models.PROTECT, related_name="review_items")
    attempt = models.ForeignKey("questions.Attempt", null=True, blank=True, on_delete=models.CASCADE, related_name="review_items")
    submission = models.ForeignKey("grader.Submission", null=True, blank=True, on_delete=models.CASCADE, related_name="review_items")
    appeal = models.ForeignKey("Appeal", null=True, blank=True, on_delete=models.CASCADE, related_name="review_items")
    # A stable random position in the question's queue, so no candidate is always graded first or last.
    order_key = models.CharField(max_length=64)
    # Drawn once at creation: this free-text answer also gets a second, independent grade.
    wants_second_grade = models.BooleanField(default=False)
    # Who may not take it: the first reviewer, for a second grade.
    excluded_reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=500, blank=True, help_text="Why it was queued (a re-check's reason).")
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="review_claims")
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim_expires_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    record = models.ForeignKey(GradeRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["order_key", "id"]
        indexes = [models.Index(fields=["question", "done_at", "order_key"])]
        constraints = [
            models.CheckConstraint(condition=ONE_TARGET, name="review_item_one_target"),
            # One open item of a kind per answer or submission: queueing twice is one item.
            models.UniqueConstraint(
                fields=["kind", "attempt"], condition=Q(done_at__isnull=True, attempt__isnull=False),
                name="review_item_one_open_per_attempt",
            ),
            models.UniqueConstraint(
                fields=["kind", "submission"], condition=Q(done_at__isnull=True, submission__isnull=False),
                name="review_item_one_open_per_submission",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} on {self.question_id}"

    @property
    def target(self):
        return self.attempt if self.attempt_id else self.submission


class AppealStatus(models.TextChoices):
    OPEN = "open", "Waiting for a reviewer"
    CHANGED = "changed", "Grade changed"
    KEPT = "kept", "Grade kept"


class Appeal(models.Model):
    """A candidate's request for a human review of one graded answer or submission."""

    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appeals")
    attempt = models.ForeignKey("questions.Attempt", null=True, blank=True, on_delete=models.CASCADE, related_name="appeals")
    submission = models.ForeignKey("grader.Submission", null=True, blank=True, on_delete=models.CASCADE, related_name="appeals")
    reason = models.TextField()
    status = models.CharField(max_length=10, choices=AppealStatus.choices, default=AppealStatus.OPEN)
    score_before = models.FloatField(null=True, blank=True)
    score_after = models.FloatField(null=True, blank=True)
    reply = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["candidate", "created_at"])]
        constraints = [
            models.CheckConstraint(condition=ONE_TARGET, name="appeal_one_target"),
            models.UniqueConstraint(fields=["attempt"], condition=Q(status="open", attempt__isnull=False),
                                    name="appeal_one_open_per_attempt"),
            models.UniqueConstraint(fields=["submission"], condition=Q(status="open", submission__isnull=False),
                                    name="appeal_one_open_per_submission"),
        ]

    def __str__(self):
        return f"Appeal #{self.pk} ({self.status})"


class Notification(models.Model):
    """A message for one user in the app (also mailed): an appeal's outcome, a grade by a reviewer."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(max_length=500)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.text
