from django.conf import settings
from django.db import models


class Stage(models.Model):
    """One step of the ML-engineer roadmap (foundations, core ML, ...), in order."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=100)
    summary = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(unique=True)

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return self.title


class Topic(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=100)
    summary = models.TextField(blank=True)
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="topics")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["stage__position", "position"]

    def __str__(self):
        return self.title


class QuestionType(models.TextChoices):
    SINGLE_CHOICE = "single_choice", "Single choice"
    MULTIPLE_CHOICE = "multiple_choice", "Multiple choice"
    NUMERIC = "numeric", "Numeric"
    FREE_TEXT = "free_text", "Free text"
    CODE = "code", "Code task"
    ML = "ml", "ML task"


AUTO_GRADED_TYPES = {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.NUMERIC}
CODE_TYPES = {QuestionType.CODE, QuestionType.ML}


class Question(models.Model):
    """A question's identity (its slug in the bank). Its content lives in immutable versions."""

    slug = models.SlugField(unique=True, max_length=100)
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="questions")
    topics = models.ManyToManyField(Topic, related_name="questions")
    current_version = models.OneToOneField(
        "QuestionVersion", null=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set when the folder disappears from the bank: kept, because attempts point at it.
    retired = models.BooleanField(default=False)

    class Meta:
        ordering = ["stage__position", "current_version__difficulty", "slug"]

    def __str__(self):
        return self.slug


class Difficulty(models.IntegerChoices):
    EASY = 1, "Easy"
    MEDIUM = 2, "Medium"
    HARD = 3, "Hard"


class QuestionVersion(models.Model):
    """The content of a question as loaded from the bank at one time. Never changed once written."""

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    content_hash = models.CharField(max_length=64)
    type = models.CharField(max_length=20, choices=QuestionType.choices)
    title = models.CharField(max_length=200)
    prompt = models.TextField(help_text="Markdown; numeric variants use {{name}} placeholders.")
    explanation = models.TextField(help_text="Markdown, shown after answering.")
    difficulty = models.PositiveSmallIntegerField(choices=Difficulty.choices)
    points = models.PositiveIntegerField()
    # Type-specific content (options, answer and tolerance, variant code, reference answer, task files).
    spec = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["question", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="version_number_unique"),
            models.UniqueConstraint(fields=["question", "content_hash"], name="version_content_unique"),
            models.CheckConstraint(condition=models.Q(points__gt=0), name="version_points_positive"),
        ]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Question versions are immutable; sync the bank to create a new one.")
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.question.slug} v{self.number}"

    @property
    def is_code(self) -> bool:
        return self.type in CODE_TYPES


class AttemptStatus(models.TextChoices):
    GRADED = "graded", "Graded"
    PENDING_REVIEW = "pending_review", "Waiting for a reviewer"


class Attempt(models.Model):
    """A candidate's answer to a non-code question, graded against the version they saw."""

    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="attempts")
    version = models.ForeignKey(QuestionVersion, on_delete=models.PROTECT, related_name="attempts")
    answer = models.JSONField(help_text="What the candidate entered, as submitted.")
    # The parameters of the candidate's numeric variant, so the grade stays explainable.
    variant = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=AttemptStatus.choices)
    score = models.FloatField(null=True, blank=True)
    max_score = models.FloatField()
    feedback = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["candidate", "question"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=models.F("max_score")),
                name="attempt_score_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending_review", score__isnull=True)
                | models.Q(status="graded", score__isnull=False),
                name="attempt_graded_has_score",
            ),
        ]

    def __str__(self):
        return f"{self.candidate} on {self.question.slug}"
