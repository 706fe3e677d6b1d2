"""The API's shapes. Reads serialise what selectors return; writes validate types here and call services."""

import re
from datetime import date

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from profiles.mastery import Level
from questions.models import Stage, Topic
from recruiting.models import Application, ApplicationStatus, EmploymentType, Listing, WorkplaceType
from recruiting.services import closing_time

class SlugLookupField(serializers.SlugRelatedField):
    """A stage or topic by slug. Anything that is not slug-shaped (a NUL byte, say, which PostgreSQL refuses in
    text) is unknown without asking the database."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or not re.fullmatch(r"[-a-zA-Z0-9_]{1,100}", data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:100])
        return super().to_internal_value(data)


# ---------------------------------------------------------------------------------------------------------------
# Candidates


class CandidateFilterSerializer(serializers.Serializer):
    """The candidate list's query parameters."""

    topic = SlugLookupField(slug_field="slug", queryset=Topic.objects.all(), required=False,
                                         help_text="A topic's slug: only candidates with mastery there.")
    stage = SlugLookupField(slug_field="slug", queryset=Stage.objects.all(), required=False,
                                         help_text="A roadmap stage's slug: only candidates with mastery there.")
    min_mastery = serializers.FloatField(required=False, min_value=0.0, max_value=1.0,
                                         help_text="Lowest mastery score (0..1) in the topic or stage given, else "
                                                   "over the whole roadmap.")
    active_since = serializers.DateField(required=False, help_text="Only candidates active on or after this date.")


class MasterySerializer(serializers.Serializer):
    level = serializers.IntegerField(help_text="0 not started … 4 mastered")
    level_label = serializers.CharField()
    score = serializers.FloatField(help_text="Weighted average of best scores over the graded questions, 0..1")
    coverage = serializers.FloatField(help_text="Weighted share of the questions graded, 0..1")
    graded_questions = serializers.IntegerField()
    solved_questions = serializers.IntegerField()
    total_questions = serializers.IntegerField()


class CandidateListSerializer(serializers.Serializer):
    public_id = serializers.UUIDField()
    username = serializers.CharField()
    full_name = serializers.CharField()
    mastery = serializers.FloatField(help_text="The score (0..1) in the topic or stage filtered on, else overall.")
    level = serializers.IntegerField(help_text="Overall level over the roadmap, 0 not started … 4 mastered")
    level_label = serializers.CharField()
    score = serializers.FloatField(help_text="Overall score over the roadmap, 0..1")
    coverage = serializers.FloatField(help_text="Overall coverage of the roadmap, 0..1")
    last_active = serializers.DateTimeField(allow_null=True)
    url = serializers.URLField()

    def to_representation(self, profile):
        # Written out rather than field by field: this list is the API's hot path (bench/api.py), and DRF's
        # generic attribute lookup (a signature inspection per callable, per row) cost more than the query.
        user = profile.candidate
        if not hasattr(self, "_list_url"):
            self._list_url = self.context["request"].build_absolute_uri(reverse("api:candidate-list"))
        return {
            "public_id": str(profile.public_id),
            "username": user.username,
            "full_name": f"{user.first_name} {user.last_name}".strip(),
            "mastery": round(profile.mastery, 4),  # as the profile shows figures (profiles.selectors._mastery)
            "level": profile.level,
            "level_label": Level(profile.level).label,
            "score": round(profile.score, 4),
            "coverage": round(profile.coverage, 4),
            "last_active": _DATETIME.to_representation(profile.last_activity_at) if profile.last_activity_at else None,
            "url": f"{self._list_url}{profile.public_id}/",
        }


_DATETIME = serializers.DateTimeField()


class TopicDataSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    mastery = MasterySerializer()


class StageDataSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    position = serializers.IntegerField()
    mastery = MasterySerializer()
    topics = TopicDataSerializer(many=True)


class DifficultySerializer(serializers.Serializer):
    label = serializers.CharField()
    solved = serializers.IntegerField()
    tried = serializers.IntegerField(help_text="Graded but not solved yet")
    total = serializers.IntegerField()


class WeekSerializer(serializers.Serializer):
    week_start = serializers.DateField()
    results = serializers.IntegerField(help_text="Answers and submissions that week")


class CandidateProfileSerializer(serializers.Serializer):
    """The candidate's shared profile: the data of their "what recruiters see" page (profiles.selectors)."""

    public_id = serializers.UUIDField()
    username = serializers.CharField()
    full_name = serializers.CharField()
    member_since = serializers.DateField()
    last_active = serializers.DateTimeField(allow_null=True)
    overall = MasterySerializer()
    stages = StageDataSerializer(many=True)
    by_difficulty = DifficultySerializer(many=True)
    activity = WeekSerializer(many=True)
    strengths = serializers.ListField(child=serializers.CharField())
    weaknesses = serializers.ListField(child=serializers.CharField())


# ---------------------------------------------------------------------------------------------------------------
# Listings


DATE_ALONE = re.compile(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*")


@extend_schema_field({"oneOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]})
class ClosingDateField(serializers.DateTimeField):
    """A listing's closing moment. A date alone (YYYY-MM-DD) means the end of that day, as in the web form."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "ISO 8601 date-time, or a date alone (YYYY-MM-DD) for the end of that day in "
                                       "the site's time zone.")
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        if isinstance(value, str) and DATE_ALONE.fullmatch(value):
            try:
                return closing_time(date.fromisoformat(value.strip()))
            except ValueError:  # no such day
                self.fail("invalid", format="YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][+HH:MM|-HH:MM|Z]")
        return super().to_internal_value(value)


class ListingSerializer(serializers.ModelSerializer):
    """A listing of the organisation's. Field rules (dates, salary range…) are the service's (recruiting)."""

    stages = SlugLookupField(slug_field="slug", queryset=Stage.objects.all(), many=True, required=False)
    topics = SlugLookupField(slug_field="slug", queryset=Topic.objects.all(), many=True, required=False)
    workplace_type = serializers.ChoiceField(choices=WorkplaceType.choices)
    employment_type = serializers.ChoiceField(choices=EmploymentType.choices)
    minimum_level = serializers.ChoiceField(choices=Level.choices, allow_null=True, required=False)
    salary_min = serializers.IntegerField(min_value=0, max_value=2_000_000_000, allow_null=True, required=False)
    salary_max = serializers.IntegerField(min_value=0, max_value=2_000_000_000, allow_null=True, required=False)
    description = serializers.CharField(max_length=20_000)
    valid_through = ClosingDateField()
    url = serializers.SerializerMethodField(help_text="The listing's page on the board.")

    class Meta:
        model = Listing
        fields = [
            "id", "title", "description", "location", "workplace_type", "employment_type", "salary_min", "salary_max",
            "salary_currency", "stages", "topics", "minimum_level", "state", "posted_at", "valid_through",
            "created_at", "updated_at", "url",
        ]
        read_only_fields = ["id", "state", "posted_at", "created_at", "updated_at"]

    def get_url(self, listing) -> str:
        return self.context["request"].build_absolute_uri(reverse("recruiting:listing", args=[listing.pk]))


class ListingStateChangeSerializer(serializers.Serializer):
    """No body: publish, close and reopen act on the listing in the URL."""


# ---------------------------------------------------------------------------------------------------------------
# Applications


class ApplicantSerializer(serializers.Serializer):
    public_id = serializers.UUIDField(source="progress_profile.public_id")
    username = serializers.CharField()
    full_name = serializers.CharField(source="get_full_name")
    email = serializers.EmailField(help_text="Shared with the application, as its consent text says, to contact them.")


class ApplicationSerializer(serializers.ModelSerializer):
    listing_title = serializers.CharField(source="listing.title", read_only=True)
    candidate = serializers.SerializerMethodField(
        help_text="Who applied; empty once they withdrew (withdrawing ends what the application shared)."
    )
    note = serializers.SerializerMethodField()

    class Meta:
        model = Application
        fields = ["id", "listing", "listing_title", "candidate", "note", "status", "created_at", "updated_at",
                  "withdrawn_at"]
        read_only_fields = fields

    def get_candidate(self, application) -> ApplicantSerializer(allow_null=True):  # type: ignore[valid-type]
        if not application.is_active:
            return None
        return ApplicantSerializer(application.candidate).data

    def get_note(self, application) -> str:
        return application.note if application.is_active else ""


class ApplicationStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=[s for s in ApplicationStatus.choices if s[0] != ApplicationStatus.WITHDRAWN])


class ApplicationFilterSerializer(serializers.Serializer):
    listing = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1)  # (past it, the database errs)
    status = serializers.ChoiceField(choices=ApplicationStatus.choices, required=False)


# ---------------------------------------------------------------------------------------------------------------
# Webhooks


class WebhookEndpointSerializer(serializers.ModelSerializer):
    events = serializers.ListField(child=serializers.ChoiceField(choices=WebhookEvent.choices), allow_empty=False)
    url = serializers.URLField(max_length=500)
    secret = serializers.CharField(
        read_only=True, required=False,
        help_text="The signing secret (whsec_…); only in answers to a token that may write: whoever holds it can sign "
                  "events that your receiver will believe.",
    )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not getattr(request.auth, "can_write", False):
            data.pop("secret", None)
        return data

    class Meta:
        model = WebhookEndpoint
        fields = ["id", "url", "description", "events", "secret", "enabled", "failure_count", "disabled_at",
                  "disabled_reason", "created_at"]
        read_only_fields = ["id", "secret", "enabled", "failure_count", "disabled_at", "disabled_reason", "created_at"]


class WebhookDeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookDelivery
        fields = ["id", "event", "message_id", "payload", "state", "attempts", "last_status_code", "last_response_ms",
                  "last_error", "next_attempt_at", "created_at", "last_attempt_at", "delivered_at"]
        read_only_fields = fields
