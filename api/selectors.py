"""Reads for the recruiter API: tokens, webhook endpoints and deliveries of an organisation, and the candidate
list with its filters. Everything is scoped to one organisation here; other organisations' rows are 404s."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import DateTimeField, F, QuerySet, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from api.models import ApiToken, WebhookDelivery, WebhookEndpoint
from profiles.models import NEVER_ACTIVE, CandidateProfile
from questions.models import Stage, Topic
from recruiting.models import Organisation
from recruiting.selectors import candidates_visible_to

# ---------------------------------------------------------------------------------------------------------------
# Tokens


def api_token_for_secret(*, secret_hash: str) -> ApiToken | None:
    """The token with this secret hash, with its organisation, its creator and the creator's membership (one
    query), live or not."""
    return (ApiToken.objects.select_related("organisation", "created_by", "created_by__recruiter_membership")
            .filter(secret_hash=secret_hash).first())


def api_tokens_of(*, organisation: Organisation) -> QuerySet[ApiToken]:
    """The organisation's tokens, newest first (revoked and expired ones included, marked as such)."""
    return ApiToken.objects.filter(organisation=organisation).select_related("created_by").order_by("-created_at", "-id")


def api_token_access(*, organisation: Organisation, token_id: int) -> ApiToken:
    token = api_tokens_of(organisation=organisation).filter(pk=token_id).first()
    if token is None:
        raise Http404("No such token.")
    return token


# ---------------------------------------------------------------------------------------------------------------
# Webhooks


def webhook_endpoints_of(*, organisation: Organisation) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(organisation=organisation).order_by("-created_at", "-id")


def webhook_endpoint_access(*, organisation: Organisation, endpoint_id: int) -> WebhookEndpoint:
    endpoint = webhook_endpoints_of(organisation=organisation).filter(pk=endpoint_id).first()
    if endpoint is None:
        raise Http404("No such webhook endpoint.")
    return endpoint


def webhook_deliveries_of(*, endpoint: WebhookEndpoint) -> QuerySet[WebhookDelivery]:
    """An endpoint's delivery log, newest first."""
    return WebhookDelivery.objects.filter(endpoint=endpoint).order_by("-created_at", "-id")


def webhook_delivery_access(*, organisation: Organisation, delivery_id: int) -> WebhookDelivery:
    delivery = (WebhookDelivery.objects.select_related("endpoint")
                .filter(pk=delivery_id, endpoint__organisation=organisation).first())
    if delivery is None:
        raise Http404("No such delivery.")
    return delivery


def organisation_recruiters(*, organisation: Organisation) -> QuerySet[User]:
    """The active recruiters of an organisation (whom we tell when a webhook endpoint is disabled)."""
    return User.objects.filter(recruiter_membership__organisation=organisation, is_active=True, role="recruiter")


# ---------------------------------------------------------------------------------------------------------------
# Candidates



def candidate_list(*, organisation: Organisation | None, topic: Topic | None = None, stage: Stage | None = None,
                   min_mastery: float | None = None, active_since: date | None = None) -> QuerySet[CandidateProfile]:
    """The candidates this organisation may see (recruiting.selectors.candidates_visible_to), filtered, with two
    sortable annotations: `mastery` (the score in the topic asked for, else the stage, else the whole roadmap; 0..1)
    and `last_activity` (when they last answered or submitted).

    With a topic or stage, only candidates with stored mastery there of at least `min_mastery` (default: any
    graded result there) are listed. The filters read the stored mastery tables through their
    indexes on (topic|stage, level, score) and (candidate, topic|stage).
    """
    profiles = candidates_visible_to(organisation=organisation)
    mastery = F("score")
    for relation, key, value in (("stage_masteries", "stage", stage), ("topic_masteries", "topic", topic)):
        if value is None:
            continue
        # One join on the unique (candidate, topic|stage) row, filtered and read in the same filter() call.
        condition = {f"candidate__{relation}__{key}": value}
        if min_mastery is not None:
            condition[f"candidate__{relation}__score__gte"] = min_mastery
        else:
            condition[f"candidate__{relation}__graded_questions__gt"] = 0
        profiles = profiles.filter(**condition)
        mastery = F(f"candidate__{relation}__score")  # the topic, when both are given, since it comes last
    if min_mastery is not None and topic is None and stage is None:
        profiles = profiles.filter(score__gte=min_mastery)
    if active_since is not None:
        since = timezone.make_aware(datetime.combine(active_since, time.min))
        profiles = profiles.filter(last_activity_at__gte=since)
    return profiles.annotate(
        mastery=mastery,
        last_activity=Coalesce("last_activity_at", Value(NEVER_ACTIVE), output_field=DateTimeField()),
    )
