from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from profiles.mastery import Level
from questions.models import Stage, Topic

# A listing's closing date is at most this far ahead (validated in services, where "now" is known).
MAX_VALID_DAYS = 120


class Organisation(models.Model):
    """A company that recruits. Unverified until staff verify it: it may prepare listings, nothing more."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(verified_at__isnull=True, verified_by__isnull=True) | Q(verified_at__isnull=False),
                name="organisation_verifier_only_when_verified",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class RecruiterMembership(models.Model):
    """A recruiter's organisation: exactly one per recruiter, so every access is scoped by it."""

    recruiter = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recruiter_membership")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.recruiter} at {self.organisation}"


class WorkplaceType(models.TextChoices):
    ON_SITE = "on_site", "On-site"
    HYBRID = "hybrid", "Hybrid"
    REMOTE = "remote", "Remote"


class EmploymentType(models.TextChoices):
    INTERNSHIP = "internship", "Internship"
    JUNIOR_FULL_TIME = "junior_full_time", "Junior full-time"


class ListingState(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CLOSED = "closed", "Closed"
    EXPIRED = "expired", "Expired"


class Listing(models.Model):
    """A job on the board. Only published listings are on the board and take applications."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="listings")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="listings_created"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(help_text="Markdown; raw HTML is not allowed.")
    location = models.CharField(max_length=120, help_text="City and country, or a region for remote work.")
    workplace_type = models.CharField(max_length=16, choices=WorkplaceType.choices)
    employment_type = models.CharField(max_length=24, choices=EmploymentType.choices)
    salary_min = models.PositiveIntegerField(null=True, blank=True, help_text="Yearly, in the currency below.")
    salary_max = models.PositiveIntegerField(null=True, blank=True, help_text="Yearly, in the currency below.")
    salary_currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217 code, e.g. EUR.")
    stages = models.ManyToManyField(Stage, blank=True, related_name="+", help_text="Roadmap stages the job asks for.")
    topics = models.ManyToManyField(Topic, blank=True, related_name="+", help_text="Topics the job asks for.")
    # One bar for every stage and topic asked for: candidates read it as "at least proficient in …".
    minimum_level = models.PositiveSmallIntegerField(
        choices=Level.choices, null=True, blank=True, help_text="Optional minimum mastery in the stages and topics asked for."
    )
    state = models.CharField(max_length=16, choices=ListingState.choices, default=ListingState.DRAFT)
    posted_at = models.DateTimeField(null=True, blank=True, help_text="When it was first published.")
    valid_through = models.DateTimeField(help_text="Closing date: the listing expires then.")
    expiry_warned_at = models.DateTimeField(null=True, blank=True, help_text="When the poster was told it expires soon.")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-posted_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=ListingState.values), name="listing_state_valid"),
            models.CheckConstraint(condition=Q(workplace_type__in=WorkplaceType.values), name="listing_workplace_valid"),
            models.CheckConstraint(condition=Q(employment_type__in=EmploymentType.values), name="listing_employment_valid"),
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True) | Q(salary_max__isnull=True) | Q(salary_min__lte=F("salary_max")),
                name="listing_salary_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(state=ListingState.DRAFT) | Q(posted_at__isnull=False),
                name="listing_posted_when_not_draft",
            ),
            models.CheckConstraint(
                condition=Q(minimum_level__isnull=True) | Q(minimum_level__lte=Level.MASTERED),
                name="listing_minimum_level_valid",
            ),
        ]
        indexes = [models.Index(fields=["state", "-posted_at"]), models.Index(fields=["state", "valid_through"])]

    def __str__(self):
        return f"{self.title} ({self.organisation})"

    @property
    def takes_applications(self) -> bool:
        return self.state == ListingState.PUBLISHED and self.valid_through > timezone.now()


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    REVIEWING = "reviewing", "Reviewing"
    INTERVIEW = "interview", "Interview"
    REJECTED = "rejected", "Rejected"
    OFFER = "offer", "Offer"
    WITHDRAWN = "withdrawn", "Withdrawn"


# An application shares the candidate's profile with the listing's organisation until it is withdrawn.
ACTIVE_APPLICATION_STATUSES = [s for s in ApplicationStatus.values if s != ApplicationStatus.WITHDRAWN]


class Application(models.Model):
    """A candidate's application to a listing; while active it shares their profile with the organisation."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="applications")
    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications")
    note = models.TextField(max_length=2000, blank=True)
    # The candidate ticked the box that says what is shared; no application exists without it.
    consent_given_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["listing", "candidate"], name="application_one_per_listing"),
            models.CheckConstraint(condition=Q(status__in=ApplicationStatus.values), name="application_status_valid"),
            models.CheckConstraint(
                condition=Q(status=ApplicationStatus.WITHDRAWN, withdrawn_at__isnull=False)
                | (~Q(status=ApplicationStatus.WITHDRAWN) & Q(withdrawn_at__isnull=True)),
                name="application_withdrawn_has_date",
            ),
        ]
        indexes = [models.Index(fields=["candidate", "status"]), models.Index(fields=["listing", "status"])]

    def __str__(self):
        return f"{self.candidate} → {self.listing}"

    @property
    def is_active(self) -> bool:
        return self.status != ApplicationStatus.WITHDRAWN


class ApplicationStatusChange(models.Model):
    """Each move of an application's status: who, when, from and to (append-only)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=16, choices=ApplicationStatus.choices)
    to_status = models.CharField(max_length=16, choices=ApplicationStatus.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]
