import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from profiles.mastery import Level
from questions.models import Question, Stage, Topic


class Mastery(models.Model):
    """A candidate's stored mastery over a set of questions; see profiles/mastery.py for the rule."""

    earned = models.FloatField(default=0.0, help_text="Sum of weight × best score over the graded questions.")
    graded_weight = models.FloatField(default=0.0)
    total_weight = models.FloatField(default=0.0)
    graded_questions = models.PositiveIntegerField(default=0)
    solved_questions = models.PositiveIntegerField(default=0)
    total_questions = models.PositiveIntegerField(default=0)
    points_earned = models.FloatField(default=0.0)
    points_total = models.PositiveIntegerField(default=0)
    score = models.FloatField(default=0.0, help_text="earned / graded_weight, 0..1")
    coverage = models.FloatField(default=0.0, help_text="graded_weight / total_weight, 0..1")
    level = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.NOT_STARTED)

    class Meta:
        abstract = True

    @classmethod
    def constraints_for(cls, prefix: str) -> list:
        return [
            models.CheckConstraint(condition=models.Q(score__gte=0, score__lte=1 + 1e-9), name=f"{prefix}_score_share"),
            models.CheckConstraint(
                condition=models.Q(coverage__gte=0, coverage__lte=1 + 1e-9), name=f"{prefix}_coverage_share"
            ),
            models.CheckConstraint(condition=models.Q(level__lte=Level.MASTERED), name=f"{prefix}_level_valid"),
            models.CheckConstraint(
                condition=models.Q(graded_questions__lte=models.F("total_questions")), name=f"{prefix}_graded_le_total"
            ),
        ]


# "Never active", for ordering by last activity with the candidates who never answered anything last.
NEVER_ACTIVE = datetime(1970, 1, 1, tzinfo=UTC)


class CandidateProfile(Mastery):
    """A candidate's profile: the public id recruiters' links use, and mastery over the whole roadmap."""

    candidate = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="progress_profile")
    # In URLs instead of the user id, so ids are neither sequential nor guessable.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    last_activity_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = Mastery.constraints_for("profile")
        # The recruiter API lists candidates best first, or most recently active first, paged by cursor with the
        # candidate as the tie-break (api.selectors.candidate_list walks these instead of sorting every row).
        indexes = [
            models.Index(fields=["level", "score"]),
            models.Index(fields=["-score", "-candidate"], name="profile_score_desc"),
            models.Index(Coalesce("last_activity_at", Value(NEVER_ACTIVE)).desc(), F("candidate").desc(),
                         name="profile_last_activity_desc"),
        ]

    def __str__(self):
        return f"profile of {self.candidate}"


class TopicMastery(Mastery):
    """Mastery per candidate and topic. A row exists once something in the topic is graded."""

    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topic_masteries")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["candidate", "topic"], name="topic_mastery_unique"),
            *Mastery.constraints_for("topic_mastery"),
        ]
        indexes = [
            models.Index(fields=["topic", "level", "score"]),
            # The recruiter API's filter and order "topic mastery at least x, best first" walks this one.
            models.Index(fields=["topic", "-score", "-candidate"], name="topic_mastery_topic_score"),
        ]


class StageMastery(Mastery):
    """Mastery per candidate and roadmap stage. A row exists once something in the stage is graded."""

    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stage_masteries")
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["candidate", "stage"], name="stage_mastery_unique"),
            *Mastery.constraints_for("stage_mastery"),
        ]
        indexes = [
            models.Index(fields=["stage", "level", "score"]),
            models.Index(fields=["stage", "-score", "-candidate"], name="stage_mastery_stage_score"),
        ]


class BestResult(models.Model):
    """A candidate's best graded result on one question, from answers and real submissions (not example runs)."""

    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="best_results")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    best_fraction = models.FloatField(null=True, blank=True, help_text="Best graded score as a share of the points; "
                                      "empty while nothing is graded yet.")
    graded_results = models.PositiveIntegerField(default=0)
    pending_review = models.BooleanField(default=False, help_text="An answer waits for a reviewer.")
    last_result_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["candidate", "question"], name="best_result_unique"),
            models.CheckConstraint(
                condition=models.Q(best_fraction__isnull=True) | models.Q(best_fraction__gte=0, best_fraction__lte=1 + 1e-9),
                name="best_result_fraction_share",
            ),
            models.CheckConstraint(
                condition=models.Q(best_fraction__isnull=True, graded_results=0)
                | models.Q(best_fraction__isnull=False, graded_results__gt=0),
                name="best_result_graded_has_fraction",
            ),
        ]


class ProfileView(models.Model):
    """One view of a candidate's shared profile by a recruiter, shown to the candidate."""

    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile_views")
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="profiles_viewed"
    )
    # The viewer's organisation at the time. Organisations arrive with the recruiting app, which links them here;
    # until then this stays empty.
    organisation_name = models.CharField(max_length=200, blank=True)
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-viewed_at", "-id"]
        indexes = [models.Index(fields=["candidate", "-viewed_at"])]

    def __str__(self):
        return f"{self.viewer} viewed {self.candidate} at {self.viewed_at:%Y-%m-%d %H:%M}"


class DeletedAccountResults(models.Model):
    """Per question, what deleted accounts had done, with no link to any person: keeps question statistics right."""

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="+")
    answers = models.PositiveIntegerField(default=0)
    submissions = models.PositiveIntegerField(default=0)
    graded = models.PositiveIntegerField(default=0)
    full_marks = models.PositiveIntegerField(default=0)
    fraction_sum = models.FloatField(default=0.0, help_text="Sum of graded scores as shares of the points.")

    class Meta:
        verbose_name_plural = "deleted accounts' results"
