"""Writes for recruiting: organisations and their recruiters, listings and their states, applications and
their statuses, the expiry task's work, and the events webhooks hook on.

Services validate and raise ValidationError with a message for the person who acts; views show it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from accounts.selectors import email_verified
from profiles.mastery import Level
from questions.models import Stage, Topic
from recruiting import selectors
from recruiting.models import (
    MAX_VALID_DAYS,
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    EmploymentType,
    Listing,
    ListingState,
    Organisation,
    RecruiterMembership,
    WorkplaceType,
)
from recruiting.signals import (
    APPLICATION_CREATED,
    APPLICATION_STATUS_CHANGED,
    APPLICATION_WITHDRAWN,
    CANDIDATE_SHARED,
    CANDIDATE_UNSHARED,
    organisation_event,
)

# The poster is told this long before a listing expires (once).
EXPIRY_WARNING = timedelta(days=5)

# Where a recruiter may move an application. Withdrawing is the candidate's alone (application_withdraw).
STATUS_TRANSITIONS: dict[str, list[str]] = {
    ApplicationStatus.SUBMITTED: [ApplicationStatus.REVIEWING, ApplicationStatus.INTERVIEW, ApplicationStatus.REJECTED],
    ApplicationStatus.REVIEWING: [ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER, ApplicationStatus.REJECTED],
    ApplicationStatus.INTERVIEW: [ApplicationStatus.OFFER, ApplicationStatus.REJECTED],
    ApplicationStatus.REJECTED: [ApplicationStatus.REVIEWING],  # reconsidered
    ApplicationStatus.OFFER: [],
    ApplicationStatus.WITHDRAWN: [],
}


# ---------------------------------------------------------------------------------------------------------------
# Events for webhooks


def _emit_event(*, organisation: Organisation | None, event: str, data: dict) -> None:
    """Send `recruiting.signals.organisation_event` once the current transaction commits (never for a rolled
    back change). organisation=None means every verified organisation (candidate.shared / candidate.unshared)."""
    transaction.on_commit(
        lambda: organisation_event.send(sender=Organisation, organisation=organisation, event=event, data=data)
    )


def _application_data(application: Application) -> dict:
    profile = getattr(application.candidate, "progress_profile", None)
    return {
        "application_id": application.pk,
        "listing_id": application.listing_id,
        "candidate": str(profile.public_id) if profile else None,
        "status": application.status,
        "created_at": application.created_at.isoformat(),
        "updated_at": application.updated_at.isoformat(),
    }


def candidate_sharing_changed(*, candidate: User, share: bool) -> None:
    """Tell webhooks that a candidate turned sharing with every verified organisation on or off: one event with
    organisation=None (the receivers fan it out to every verified organisation's endpoints)."""
    from profiles.services import candidate_profile_ensure

    profile = candidate_profile_ensure(candidate=candidate)
    _emit_event(
        organisation=None,
        event=CANDIDATE_SHARED if share else CANDIDATE_UNSHARED,
        data={"candidate": str(profile.public_id), "shared": share, "at": timezone.now().isoformat()},
    )


# ---------------------------------------------------------------------------------------------------------------
# Organisations


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organisation"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def organisation_create(*, name: str, recruiter: User | None = None) -> Organisation:
    """Create an (unverified) organisation; with `recruiter`, make them its first member. A recruiter belongs
    to one organisation only, so one who already has one cannot create another."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give your organisation's name."})
    if recruiter is not None:
        if not recruiter.is_recruiter:
            raise ValidationError("Only recruiters belong to organisations.")
        if RecruiterMembership.objects.filter(recruiter=recruiter).exists():
            raise ValidationError("You already belong to an organisation.")
    organisation = Organisation.objects.create(name=name, slug=_unique_slug(name))
    if recruiter is not None:
        RecruiterMembership.objects.create(recruiter=recruiter, organisation=organisation)
    return organisation


@transaction.atomic
def recruiter_membership_set(*, recruiter: User, organisation: Organisation) -> RecruiterMembership:
    """Put a recruiter in an organisation (replacing any earlier one: a recruiter belongs to exactly one)."""
    if not recruiter.is_recruiter:
        raise ValidationError("Only recruiters belong to organisations.")
    membership, _ = RecruiterMembership.objects.update_or_create(
        recruiter=recruiter, defaults={"organisation": organisation, "joined_at": timezone.now()}
    )
    return membership


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by: User) -> Organisation:
    """Verify an organisation: from now on it may publish listings and see candidates under the access rule.

    Superusers only (authors are staff too, and must not). Idempotent: an organisation verified earlier keeps
    its first verification. The admin action logs it (LogEntry)."""
    if not (by.is_active and by.is_superuser):
        raise ValidationError("Only administrators verify organisations.")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.verified_at is None:
        organisation.verified_at = timezone.now()
        organisation.verified_by = by
        organisation.save(update_fields=["verified_at", "verified_by"])
    return organisation


# ---------------------------------------------------------------------------------------------------------------
# Listings


MAX_DESCRIPTION = 20_000
MAX_SALARY = 100_000_000


def closing_time(day: date) -> datetime:
    """The end of a closing day, where the site is: "closing 30 June" means open all of 30 June."""
    return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


def _closes_too_late(valid_through: datetime, now: datetime) -> bool:
    """Later than the end of the day MAX_VALID_DAYS from today: the last closing day allowed counts whole."""
    return valid_through > closing_time(timezone.localdate(now) + timedelta(days=MAX_VALID_DAYS))


LISTING_FIELDS = (
    "title", "description", "location", "workplace_type", "employment_type", "salary_min", "salary_max",
    "salary_currency", "valid_through", "minimum_level",
)


def listing_check(
    *,
    title: str,
    description: str,
    location: str,
    workplace_type: str,
    employment_type: str,
    valid_through: datetime,
    salary_min: int | None = None,
    salary_max: int | None = None,
    salary_currency: str = "",
    minimum_level: int | None = None,
    now: datetime | None = None,
    check_closing_date: bool = True,
) -> dict:
    """Validate a listing's fields; returns them cleaned, or raises ValidationError with a message per field.

    `check_closing_date=False` skips the closing date's checks against now: an unchanged date of a listing
    being edited (an expired listing stays editable)."""
    now = now or timezone.now()
    errors: dict[str, str] = {}
    title, description, location = (title or "").strip(), (description or "").strip(), (location or "").strip()
    salary_currency = (salary_currency or "").strip().upper()
    if not title:
        errors["title"] = "Give the job a title."
    elif len(title) > 200:
        errors["title"] = "Keep the title under 200 characters."
    if not description:
        errors["description"] = "Describe the job."
    elif len(description) > MAX_DESCRIPTION:
        errors["description"] = f"Keep the description under {MAX_DESCRIPTION:,} characters."
    if not location:
        errors["location"] = "Say where the job is (a city, or a region for remote work)."
    elif len(location) > 120:
        errors["location"] = "Keep the location under 120 characters."
    if workplace_type not in WorkplaceType.values:
        errors["workplace_type"] = "Choose on-site, hybrid or remote."
    if employment_type not in EmploymentType.values:
        errors["employment_type"] = "Choose internship or junior full-time."
    if valid_through is None:
        errors["valid_through"] = "Give a closing date."
    elif not check_closing_date:
        pass
    elif valid_through <= now:
        errors["valid_through"] = "The closing date must be in the future."
    elif _closes_too_late(valid_through, now):
        errors["valid_through"] = f"The closing date can be at most {MAX_VALID_DAYS} days away."
    for name, value in (("salary_min", salary_min), ("salary_max", salary_max)):
        if value is not None and value < 0:
            errors[name] = "A salary cannot be negative."
        elif value is not None and value > MAX_SALARY:
            errors[name] = f"A yearly salary above {MAX_SALARY:,} is surely a typing mistake."
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        errors["salary_max"] = "The maximum salary must be at least the minimum."
    if (salary_min is not None or salary_max is not None) and not (
        len(salary_currency) == 3 and salary_currency.isalpha()
    ):
        errors["salary_currency"] = "Give the salary's currency as a three-letter code, e.g. EUR."
    if minimum_level is not None and minimum_level not in Level.values:
        errors["minimum_level"] = "Choose a mastery level."
    if errors:
        raise ValidationError(errors)
    return {
        "title": title, "description": description, "location": location, "workplace_type": workplace_type,
        "employment_type": employment_type, "valid_through": valid_through, "salary_min": salary_min,
        "salary_max": salary_max, "salary_currency": salary_currency if (salary_min is not None or salary_max is not None) else "",
        "minimum_level": minimum_level,
    }


def _recruiter_organisation(by: User) -> Organisation:
    organisation = selectors.organisation_of(recruiter=by)
    if organisation is None:
        raise ValidationError("Create or join an organisation first.")
    return organisation


def _own(listing: Listing, by: User) -> None:
    if selectors.organisation_of(recruiter=by) != listing.organisation:
        raise ValidationError("This listing belongs to another organisation.")


@transaction.atomic
def listing_create(
    *, by: User, stages: list[Stage] | None = None, topics: list[Topic] | None = None, publish: bool = False, **fields
) -> Listing:
    """Create a draft listing for the recruiter's organisation (any organisation may prepare drafts); with
    `publish`, publish it at once (verified organisations only: otherwise nothing is created). `fields` are those
    of listing_check."""
    organisation = _recruiter_organisation(by)
    cleaned = listing_check(**fields)
    now = timezone.now()
    listing = Listing.objects.create(organisation=organisation, created_by=by, created_at=now, updated_at=now, **cleaned)
    listing.stages.set(stages or [])
    listing.topics.set(topics or [])
    if publish:
        listing = listing_publish(listing=listing, by=by)
    return listing


@transaction.atomic
def listing_update(
    *, listing: Listing, by: User, stages: list[Stage] | None = None, topics: list[Topic] | None = None, **fields
) -> Listing:
    """Change a listing's fields (in any state). Fields not given keep their values; a new closing date must
    again be at most 120 days away, and lets the poster be warned again before it."""
    _own(listing, by)
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    current = {name: getattr(listing, name) for name in LISTING_FIELDS}
    merged = {**current, **{k: v for k, v in fields.items() if k in LISTING_FIELDS}}
    unknown = set(fields) - set(LISTING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown listing fields: {', '.join(sorted(unknown))}")
    unchanged_date = merged["valid_through"] == current["valid_through"]
    cleaned = listing_check(**merged, check_closing_date=not unchanged_date)
    if not unchanged_date:
        listing.expiry_warned_at = None
    for name, value in cleaned.items():
        setattr(listing, name, value)
    listing.updated_at = timezone.now()
    listing.save()
    if stages is not None:
        listing.stages.set(stages)
    if topics is not None:
        listing.topics.set(topics)
    return listing


def _open(listing: Listing, by: User, allowed_from: list[str], verb: str) -> Listing:
    _own(listing, by)
    listing = Listing.objects.select_for_update().select_related("organisation").get(pk=listing.pk)
    if not listing.organisation.is_verified:
        raise ValidationError(
            f"Your organisation is not verified yet, so you cannot {verb} listings. Drafts stay ready until it is."
        )
    if listing.state == ListingState.PUBLISHED:
        raise ValidationError("This listing is already published.")
    if listing.state not in allowed_from:
        raise ValidationError(f"A {listing.get_state_display().lower()} listing cannot be {verb}ed.")
    now = timezone.now()
    if listing.valid_through <= now:
        raise ValidationError("The closing date has passed: set a new one (at most 120 days away) first.")
    if _closes_too_late(listing.valid_through, now):
        raise ValidationError(f"The closing date can be at most {MAX_VALID_DAYS} days away: move it first.")
    listing.state = ListingState.PUBLISHED
    listing.posted_at = listing.posted_at or now
    listing.updated_at = now
    listing.save(update_fields=["state", "posted_at", "updated_at"])
    return listing


@transaction.atomic
def listing_publish(*, listing: Listing, by: User) -> Listing:
    """Publish a draft: it goes on the board and takes applications. Verified organisations only."""
    return _open(listing, by, [ListingState.DRAFT], "publish")


@transaction.atomic
def listing_reopen(*, listing: Listing, by: User) -> Listing:
    """Put a closed or expired listing back on the board (its closing date must be ahead again)."""
    return _open(listing, by, [ListingState.CLOSED, ListingState.EXPIRED], "reopen")


@transaction.atomic
def listing_close(*, listing: Listing, by: User) -> Listing:
    """Take a published listing off the board: its page says it is closed and takes no applications.
    Applications already made stay, and keep sharing until the candidate withdraws."""
    _own(listing, by)
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.state == ListingState.CLOSED:
        raise ValidationError("This listing is already closed.")
    if listing.state != ListingState.PUBLISHED:
        raise ValidationError(f"A {listing.get_state_display().lower()} listing cannot be closed.")
    listing.state = ListingState.CLOSED
    listing.updated_at = timezone.now()
    listing.save(update_fields=["state", "updated_at"])
    return listing


def listings_expire(*, now: datetime | None = None) -> int:
    """Expire every published listing whose closing date has passed (the periodic task). Returns how many."""
    now = now or timezone.now()
    return Listing.objects.filter(state=ListingState.PUBLISHED, valid_through__lte=now).update(
        state=ListingState.EXPIRED, updated_at=now
    )


def listings_expiry_warn(*, now: datetime | None = None) -> int:
    """E-mail each listing's poster (or, without one, its organisation's recruiters) once, five days before it
    expires. The conditional update claims each listing, so two beats never warn twice. Returns how many."""
    now = now or timezone.now()
    warned = 0
    for listing in selectors.listings_expiring(after=now, before=now + EXPIRY_WARNING):
        closes = timezone.localtime(listing.valid_through)
        if not Listing.objects.filter(pk=listing.pk, expiry_warned_at__isnull=True).update(expiry_warned_at=now):
            continue
        recipients = (
            [listing.created_by.email]
            if listing.created_by and listing.created_by.email
            else list(listing.organisation.memberships.values_list("recruiter__email", flat=True))
        )
        recipients = [r for r in recipients if r]
        if recipients:
            url = settings.SITE_URL.rstrip("/") + reverse("recruiting:listing-edit", args=[listing.pk])
            send_mail(
                subject=f"Your listing “{listing.title}” closes on {closes:%d %B %Y}",
                message=(
                    f"Your listing “{listing.title}” leaves the board on {closes:%d %B %Y at %H:%M %Z}.\n"
                    f"To keep it open, move its closing date (at most {MAX_VALID_DAYS} days away): {url}\n"
                ),
                from_email=None,
                recipient_list=recipients,
            )
        warned += 1
    return warned


# ---------------------------------------------------------------------------------------------------------------
# Applications

CONSENT_TEXT = (
    "I share my progress profile with {organisation}: my mastery per stage and topic, what I solved by "
    "difficulty and my weekly activity (exactly what “What recruiters see” shows), plus my username, e-mail "
    "address and this note. {organisation}'s recruiters can see it until I withdraw this application, and I "
    "see each time they look."
)


@transaction.atomic
def application_create(*, listing: Listing, candidate: User, note: str, consent: bool) -> Application:
    """A candidate applies to an open listing with a short note. Applying shares their profile with the
    listing's organisation, so the candidate must tick the consent box; one application per listing."""
    from profiles.services import candidate_profile_ensure

    if not candidate.is_candidate:
        raise ValidationError("Only candidates apply to listings.")
    listing = Listing.objects.select_related("organisation").get(pk=listing.pk)
    if not listing.takes_applications:
        raise ValidationError("This listing no longer takes applications.")
    if not consent:
        raise ValidationError({"consent": "Tick the box to share your profile with this organisation: applying needs it."})
    note = (note or "").strip()
    if len(note) > 2000:
        raise ValidationError({"note": "Keep the note under 2,000 characters."})
    if not email_verified(user=candidate):
        raise ValidationError(
            f"Verify your e-mail address before applying: follow the link we sent to {candidate.email}, "
            "or ask for a new one in your e-mail settings."
        )
    earlier = Application.objects.filter(listing=listing, candidate=candidate).first()
    if earlier is not None:
        raise ValidationError(f"You already applied to this listing on {earlier.created_at:%d %B %Y}.")
    candidate_profile_ensure(candidate=candidate)
    now = timezone.now()
    try:
        with transaction.atomic():
            application = Application.objects.create(
                listing=listing, candidate=candidate, note=note, consent_given_at=now, created_at=now, updated_at=now
            )
    except IntegrityError:  # a second request at the same moment
        raise ValidationError("You already applied to this listing.") from None
    _emit_event(organisation=listing.organisation, event=APPLICATION_CREATED, data=_application_data(application))
    return application


@transaction.atomic
def application_withdraw(*, application: Application, candidate: User) -> Application:
    """The candidate withdraws: the sharing this application granted ends at once (the status is final)."""
    application = Application.objects.select_for_update().select_related("listing__organisation", "candidate").get(pk=application.pk)
    if application.candidate_id != candidate.pk:
        raise ValidationError("This is not your application.")
    if application.status == ApplicationStatus.WITHDRAWN:
        return application
    now = timezone.now()
    ApplicationStatusChange.objects.create(
        application=application, from_status=application.status, to_status=ApplicationStatus.WITHDRAWN,
        changed_by=candidate, changed_at=now,
    )
    application.status = ApplicationStatus.WITHDRAWN
    application.withdrawn_at = now
    application.updated_at = now
    application.save(update_fields=["status", "withdrawn_at", "updated_at"])
    _emit_event(organisation=application.listing.organisation, event=APPLICATION_WITHDRAWN, data=_application_data(application))
    return application


@transaction.atomic
def candidate_account_ending(*, candidate: User) -> int:
    """Before a candidate's account is deleted: withdraw their active applications and, if they shared their
    profile, stop sharing, so that organisations hear of it (application.withdrawn, candidate.unshared) before
    the rows go with the account. Returns how many applications ended."""
    active = Application.objects.filter(candidate=candidate).exclude(status=ApplicationStatus.WITHDRAWN)
    ended = 0
    for application in active:
        application_withdraw(application=application, candidate=candidate)
        ended += 1
    if candidate.share_profile:
        candidate_sharing_changed(candidate=candidate, share=False)
    return ended


@transaction.atomic
def application_status_set(*, application: Application, status: str, by: User) -> Application:
    """A recruiter of the listing's organisation moves an application along STATUS_TRANSITIONS."""
    application = Application.objects.select_for_update().select_related("listing__organisation", "candidate").get(pk=application.pk)
    if selectors.organisation_of(recruiter=by) != application.listing.organisation:
        raise ValidationError("This application is to another organisation's listing.")
    if status == application.status:
        return application
    if status not in STATUS_TRANSITIONS.get(application.status, []):
        if application.status == ApplicationStatus.WITHDRAWN:
            raise ValidationError("The candidate withdrew this application.")
        target = ApplicationStatus(status).label.lower() if status in ApplicationStatus.values else repr(status)
        raise ValidationError(
            f"An application cannot go from {ApplicationStatus(application.status).label.lower()} to {target}."
        )
    now = timezone.now()
    ApplicationStatusChange.objects.create(
        application=application, from_status=application.status, to_status=status, changed_by=by, changed_at=now
    )
    application.status = status
    application.updated_at = now
    application.save(update_fields=["status", "updated_at"])
    _emit_event(organisation=application.listing.organisation, event=APPLICATION_STATUS_CHANGED, data=_application_data(application))
    return application


@transaction.atomic
def listing_delete(*, listing: Listing, by: User) -> None:
    """Delete a draft listing. Listings that were published have applications and a history: close them instead."""
    _own(listing, by)
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.state != ListingState.DRAFT:
        raise ValidationError("Only drafts can be deleted: close a published listing instead.")
    listing.delete()


# ---------------------------------------------------------------------------------------------------------------
# Demo data (load_demo)

DEMO_ORGANISATION = "Demo Analytics"
DEMO_LISTINGS = [
    {"title": "Machine learning intern (ranking)", "location": "Berlin, Germany", "workplace_type": WorkplaceType.HYBRID,
     "employment_type": EmploymentType.INTERNSHIP, "salary_min": 1800, "salary_max": 2200, "salary_currency": "EUR",
     "topics": 3, "description": "Six months on our **search ranking** team: features, offline evaluation "
     "(precision, recall, NDCG) and an A/B test of your own.\n\n- Python and NumPy\n- cross-validation done right"},
    {"title": "Junior data scientist", "location": "Europe", "workplace_type": WorkplaceType.REMOTE,
     "employment_type": EmploymentType.JUNIOR_FULL_TIME, "topics": 2,
     "description": "Build and ship forecasting models with a small, friendly team.\n\nYou know **pandas**, "
     "have trained a few models and can explain a confusion matrix."},
    {"title": "Computer vision intern", "location": "Lyon, France", "workplace_type": WorkplaceType.ON_SITE,
     "employment_type": EmploymentType.INTERNSHIP, "topics": 1,
     "description": "Help us detect defects on production lines. Deep learning basics expected; "
     "PyTorch is a plus."},
]


@transaction.atomic
def demo_recruiting_ensure(*, recruiter: User) -> Organisation:
    """The demo recruiter's verified organisation with its published listings (created once, reopened for 60
    days whenever they have expired or closed). For local set-ups only."""
    organisation = Organisation.objects.filter(name=DEMO_ORGANISATION).first() or organisation_create(name=DEMO_ORGANISATION)
    recruiter_membership_set(recruiter=recruiter, organisation=organisation)
    if not organisation.is_verified:
        Organisation.objects.filter(pk=organisation.pk).update(verified_at=timezone.now())
        organisation.refresh_from_db()
    topics = list(Topic.objects.order_by("stage__position", "position"))
    for i, spec in enumerate(DEMO_LISTINGS):
        fields = {k: v for k, v in spec.items() if k != "topics"}
        listing = Listing.objects.filter(organisation=organisation, title=spec["title"]).first()
        if listing is None:
            listing = listing_create(by=recruiter, valid_through=timezone.now() + timedelta(days=60), **fields,
                                     topics=topics[i * 3: i * 3 + spec["topics"]])
        if listing.state != ListingState.PUBLISHED or listing.valid_through <= timezone.now() + EXPIRY_WARNING:
            listing = listing_update(listing=listing, by=recruiter, valid_through=timezone.now() + timedelta(days=60))
            (listing_publish if listing.state == ListingState.DRAFT else listing_reopen)(listing=listing, by=recruiter)
    return organisation
