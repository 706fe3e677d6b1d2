"""Reads for recruiting: organisations, the board, listings and applications, and which candidates an
organisation may see.

Every recruiter-side read is scoped to the recruiter's organisation here, so the web pages and the API share
one rule. Objects are reached through `*_access_*` helpers that raise Http404 for anything out of scope
(existence is not revealed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import Role, User
from profiles.mastery import Level
from profiles.models import CandidateProfile, StageMastery, TopicMastery
from questions.models import Topic
from recruiting.models import (
    ACTIVE_APPLICATION_STATUSES,
    Application,
    Listing,
    ListingState,
    Organisation,
    RecruiterMembership,
)

# ---------------------------------------------------------------------------------------------------------------
# Organisations


def organisation_of(*, recruiter: User) -> Organisation | None:
    """The recruiter's organisation, or None for a recruiter who has none yet (or anyone else)."""
    if not recruiter.is_authenticated or not recruiter.is_recruiter:
        return None
    membership = RecruiterMembership.objects.select_related("organisation").filter(recruiter=recruiter).first()
    return membership.organisation if membership else None


# ---------------------------------------------------------------------------------------------------------------
# Which candidates an organisation sees: the access rule


def _active_application_to(organisation: Organisation, candidate_ref: str = "candidate_id") -> Exists:
    return Exists(
        Application.objects.filter(
            candidate_id=OuterRef(candidate_ref), listing__organisation=organisation, status__in=ACTIVE_APPLICATION_STATUSES
        )
    )


def candidates_visible_to(*, organisation: Organisation | None) -> QuerySet[CandidateProfile]:
    """The profiles of the candidates this organisation may see now, as a queryset to filter, order and page.

    The rule (one for every list, filter, search, detail page and API): the organisation is verified, and the
    candidate is an active candidate who either shares their profile with every verified organisation or has an
    active (not withdrawn) application to one of this organisation's listings. Nothing for an unverified
    organisation or none.
    """
    if organisation is None or not organisation.is_verified:
        return CandidateProfile.objects.none()
    return CandidateProfile.objects.select_related("candidate").filter(
        Q(candidate__share_profile=True) | _active_application_to(organisation),
        candidate__is_active=True,
        candidate__role=Role.CANDIDATE,
    )


def candidates_list(*, organisation: Organisation | None, topic: Topic | None = None,
                    minimum_level: int = Level.PROFICIENT) -> QuerySet[CandidateProfile]:
    """The recruiter's candidate list: the visible candidates, best first; with `topic`, only those at
    `minimum_level` or above in it."""
    profiles = candidates_visible_to(organisation=organisation)
    if topic is not None:
        profiles = profiles.filter(
            Exists(TopicMastery.objects.filter(candidate_id=OuterRef("candidate_id"), topic=topic, level__gte=minimum_level))
        )
    return profiles.order_by("-level", "-score", "candidate__username")


def candidate_visible_to(*, organisation: Organisation | None, candidate: User) -> bool:
    """Whether the organisation may see this candidate now (the rule of candidates_visible_to)."""
    return candidates_visible_to(organisation=organisation).filter(candidate=candidate).exists()


# ---------------------------------------------------------------------------------------------------------------
# The board


BOARD_STATES = [ListingState.PUBLISHED]


def board_listings(
    *,
    employment_type: str = "",
    workplace_type: str = "",
    location: str = "",
    topic: Topic | None = None,
    search: str = "",
) -> QuerySet[Listing]:
    """Published listings still open, newest first, filtered; `search` is PostgreSQL full-text search over the
    title, organisation and description (ranked, then newest first), or a simple case-insensitive match on
    other databases."""
    listings = (
        Listing.objects.select_related("organisation")
        .filter(state=ListingState.PUBLISHED, valid_through__gt=timezone.now(), organisation__verified_at__isnull=False)
        .order_by("-posted_at", "-id")
    )
    if employment_type:
        listings = listings.filter(employment_type=employment_type)
    if workplace_type:
        listings = listings.filter(workplace_type=workplace_type)
    if location:
        listings = listings.filter(location__icontains=location)
    if topic is not None:
        # Listings asking for the topic itself or for its whole stage.
        listings = listings.filter(
            Exists(Listing.topics.through.objects.filter(listing_id=OuterRef("pk"), topic_id=topic.pk))
            | Exists(Listing.stages.through.objects.filter(listing_id=OuterRef("pk"), stage_id=topic.stage_id))
        )
    search = search.strip()
    if search:
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

            vector = (
                SearchVector("title", weight="A", config="english")
                + SearchVector("organisation__name", weight="B", config="english")
                + SearchVector("location", weight="B", config="english")
                + SearchVector("description", weight="C", config="english")
            )
            query = SearchQuery(search, search_type="websearch", config="english")
            listings = (
                listings.annotate(document=vector, rank=SearchRank(vector, query))
                .filter(document=query)  # vector @@ query: every term (or phrase, or negation) holds
                .order_by("-rank", "-posted_at", "-id")
            )
        else:  # the same syntax, without stemming: every word or "phrase" appears somewhere, no -word does
            for negated, term in search_terms(search):
                found = (Q(title__icontains=term) | Q(description__icontains=term) | Q(organisation__name__icontains=term)
                         | Q(location__icontains=term))
                listings = listings.exclude(found) if negated else listings.filter(found)
    return listings


SEARCH_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


def search_terms(search: str) -> list[tuple[bool, str]]:
    """(negated, text) for each word and "quoted phrase" of a web-search style query ("-" before one negates it)."""
    terms = []
    for match in SEARCH_TERM.finditer(search):
        quoted = match.group(2) is not None
        negated, text = (match.group(1), match.group(2)) if quoted else (match.group(3), match.group(4))
        text = text.strip()
        if text and text != "-":
            terms.append((bool(negated), text))
    return terms


def listing_for_public(*, listing_id: int, viewer: User | None = None) -> Listing:
    """A listing's public page: anything but a draft; a draft only for its own organisation's recruiters."""
    listing = Listing.objects.select_related("organisation").prefetch_related("topics", "stages").filter(pk=listing_id).first()
    if listing is None:
        raise Http404("No such listing.")
    if listing.state == ListingState.DRAFT or not listing.organisation.is_verified:
        own = viewer is not None and organisation_of(recruiter=viewer) == listing.organisation
        if not own:
            raise Http404("No such listing.")
    return listing


def listing_json_ld(*, listing: Listing, url: str) -> dict:
    """schema.org JobPosting for the listing page (rendered with json_script, so the text cannot end the tag)."""
    from questions.templatetags.bank_markdown import markdown

    remote = listing.workplace_type == "remote"
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": listing.title,
        "description": str(markdown(listing.description)),
        "datePosted": (listing.posted_at or listing.created_at).date().isoformat(),
        "validThrough": listing.valid_through.isoformat(),
        "employmentType": "INTERN" if listing.employment_type == "internship" else "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": listing.organisation.name},
        "url": url,
        "identifier": {"@type": "PropertyValue", "name": listing.organisation.name, "value": str(listing.pk)},
    }
    if remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": listing.location}
    else:
        data["jobLocation"] = {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": listing.location}}
    if listing.salary_min is not None or listing.salary_max is not None:
        value = {"@type": "QuantitativeValue", "unitText": "YEAR"}
        if listing.salary_min is not None:
            value["minValue"] = listing.salary_min
        if listing.salary_max is not None:
            value["maxValue"] = listing.salary_max
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": listing.salary_currency, "value": value}
    return data


@dataclass(frozen=True)
class Requirement:
    """A stage or topic a listing asks for, and the candidate's level in it."""

    title: str
    level: int
    level_label: str
    meets: bool

    @property
    def level_slug(self) -> str:
        return Level(self.level).name.lower()


def listing_fit(*, listing: Listing, candidate: User) -> list[Requirement]:
    """For a candidate reading a listing: their level in each stage and topic it asks for, and whether it
    reaches the listing's minimum (any level does when there is none)."""
    if not candidate.is_authenticated or not candidate.is_candidate:
        return []
    stage_levels = dict(StageMastery.objects.filter(candidate=candidate).values_list("stage_id", "level"))
    topic_levels = dict(TopicMastery.objects.filter(candidate=candidate).values_list("topic_id", "level"))
    minimum = listing.minimum_level or Level.NOT_STARTED
    rows = [(s.title, stage_levels.get(s.pk, Level.NOT_STARTED)) for s in listing.stages.all()]
    rows += [(t.title, topic_levels.get(t.pk, Level.NOT_STARTED)) for t in listing.topics.all()]
    return [Requirement(title=title, level=level, level_label=Level(level).label, meets=level >= minimum)
            for title, level in rows]


# ---------------------------------------------------------------------------------------------------------------
# A recruiter's listings and applications


def listings_of(*, organisation: Organisation, state: str = "") -> QuerySet[Listing]:
    """The organisation's listings, drafts first then newest, with how many active applications each has."""
    from django.db.models import Count

    listings = Listing.objects.filter(organisation=organisation).annotate(
        active_applications=Count("applications", filter=Q(applications__status__in=ACTIVE_APPLICATION_STATUSES))
    )
    if state:
        listings = listings.filter(state=state)
    return listings.select_related("organisation").order_by("-created_at", "-id")


def listing_access_for_recruiter(*, recruiter: User, listing_id: int) -> Listing:
    """One of the recruiter's organisation's listings, or a 404."""
    organisation = organisation_of(recruiter=recruiter)
    listing = (
        Listing.objects.select_related("organisation").filter(pk=listing_id, organisation=organisation).first()
        if organisation
        else None
    )
    if listing is None:
        raise Http404("No such listing.")
    return listing


def applications_to(*, organisation: Organisation, listing: Listing | None = None, status: str = "") -> QuerySet[Application]:
    """Applications to the organisation's listings, newest first (optionally one listing's, one status)."""
    applications = Application.objects.select_related("listing", "candidate", "candidate__progress_profile").filter(
        listing__organisation=organisation
    )
    if listing is not None:
        applications = applications.filter(listing=listing)
    if status:
        applications = applications.filter(status=status)
    return applications.order_by("-created_at", "-id")


def application_access_for_recruiter(*, recruiter: User, application_id: int) -> Application:
    """An application to one of the recruiter's organisation's listings, or a 404."""
    organisation = organisation_of(recruiter=recruiter)
    application = applications_to(organisation=organisation).filter(pk=application_id).first() if organisation else None
    if application is None:
        raise Http404("No such application.")
    return application


# ---------------------------------------------------------------------------------------------------------------
# A candidate's applications


def applications_of(*, candidate: User) -> QuerySet[Application]:
    """The candidate's applications, newest first."""
    return (
        Application.objects.select_related("listing", "listing__organisation")
        .filter(candidate=candidate)
        .order_by("-created_at", "-id")
    )


def application_access_for_candidate(*, candidate: User, application_id: int) -> Application:
    """One of the candidate's own applications, or a 404."""
    application = applications_of(candidate=candidate).filter(pk=application_id).first()
    if application is None:
        raise Http404("No such application.")
    return application


def organisations_applied_to(*, candidate: User) -> list[Organisation]:
    """The organisations that see the candidate through an active application (whatever their sharing)."""
    return list(
        Organisation.objects.filter(
            listings__applications__candidate=candidate, listings__applications__status__in=ACTIVE_APPLICATION_STATUSES
        ).distinct().order_by("name")
    )


def application_of(*, candidate: User, listing: Listing) -> Application | None:
    """The candidate's application to this listing, if any."""
    if not candidate.is_authenticated:
        return None
    return Application.objects.filter(candidate=candidate, listing=listing).first()


def listings_expiring(*, after, before) -> QuerySet[Listing]:
    """Published listings closing between `after` and `before` whose poster was not warned yet."""
    return Listing.objects.select_related("organisation", "created_by").filter(
        state=ListingState.PUBLISHED, valid_through__gt=after, valid_through__lte=before, expiry_warned_at__isnull=True
    )
