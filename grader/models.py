from django.conf import settings
from django.db import models

from questions.models import Question, QuestionVersion


class Verdict(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    WRONG_ANSWER = "wrong_answer", "Wrong answer"
    RUNTIME_ERROR = "runtime_error", "Runtime error"
    TIME_LIMIT = "time_limit", "Time limit exceeded"
    MEMORY_LIMIT = "memory_limit", "Memory limit exceeded"
    OUTPUT_LIMIT = "output_limit", "Output limit exceeded"
    REJECTED = "rejected", "Rejected"
    GRADER_ERROR = "grader_error", "Grader error"


class SubmissionKind(models.TextChoices):
    SUBMIT = "submit", "Submission"  # hidden cases, counts for progress
    EXAMPLES = "examples", "Example run"  # visible cases only, shows output, never counts


class SubmissionStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    GRADED = "graded", "Graded"
    FAILED = "failed", "Could not be graded"  # our fault, retries used up: never the candidate's


class Submission(models.Model):
    """A candidate's code for a code task, immutable once stored, graded against one question version."""

    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="submissions")
    version = models.ForeignKey(QuestionVersion, on_delete=models.PROTECT, related_name="submissions")
    kind = models.CharField(max_length=10, choices=SubmissionKind.choices, default=SubmissionKind.SUBMIT)
    code = models.TextField()
    status = models.CharField(max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.QUEUED)
    # The current grade (the newest applied reviews.GradeRecord), copied here for cheap lists.
    verdict = models.CharField(max_length=16, choices=Verdict.choices, blank=True)
    score = models.FloatField(null=True, blank=True)
    max_score = models.FloatField()
    passed = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # What the candidate may see: the message, visible cases in full, hidden cases per category only.
    feedback = models.JSONField(default=dict, blank=True)
    tries = models.PositiveSmallIntegerField(default=0, help_text="How many times a worker started grading it.")
    # The queue: when its grading message was last sent, and how many times. The sweep re-sends only what
    # has waited past a timeout since its last send and is no longer in the broker.
    enqueued_at = models.DateTimeField(null=True, blank=True)
    sends = models.PositiveSmallIntegerField(default=0)
    # A worker grading it holds a lease until then; a duplicate message finds the lease and leaves.
    lease_until = models.DateTimeField(null=True, blank=True)
    lease_owner = models.CharField(max_length=200, blank=True, help_text="host:pid of the process grading it")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    graded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["candidate", "question"]),
            models.Index(fields=["status", "enqueued_at"]),
            models.Index(fields=["candidate", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=models.F("max_score")),
                name="submission_score_in_range",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.question.slug} by {self.candidate}"

    @property
    def is_done(self) -> bool:
        return self.status in (SubmissionStatus.GRADED, SubmissionStatus.FAILED)


class PreparedCases(models.Model):
    """A question version's cases and expected values, computed once from its reference and kept.

    Every worker on every machine reads the same cases for a version (and its grading seed), so expected
    values are never computed per submission. Stored as text: expected values may be NaN or infinite.
    """

    version = models.ForeignKey(QuestionVersion, on_delete=models.CASCADE, related_name="+")
    which = models.CharField(max_length=10)  # "examples" or "hidden"
    seed = models.CharField(max_length=20)
    data = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "which", "seed"], name="prepared_cases_unique")]
