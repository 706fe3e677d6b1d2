"""Listings, applications and their rules, through the services."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from accounts.services import profile_sharing_set
from recruiting import selectors, services
from recruiting.models import Application, ApplicationStatus, Listing, ListingState
from recruiting.signals import organisation_event
from tests.recruiting.conftest import listing_fields, make_listing

pytestmark = pytest.mark.django_db


def errors_of(exc: ValidationError) -> dict:
    return exc.message_dict


def test_listing_fields_are_validated_with_a_message_per_field(recruiter):
    with pytest.raises(ValidationError) as caught:
        services.listing_create(by=recruiter, **listing_fields(
            title=" ", salary_min=5000, salary_max=4000, salary_currency="EUR",
            valid_through=timezone.now() + timedelta(days=121),
        ))
    errors = errors_of(caught.value)
    assert set(errors) == {"title", "salary_max", "valid_through"}
    assert "at most 120 days" in errors["valid_through"][0]
    with pytest.raises(ValidationError) as caught:
        services.listing_create(by=recruiter, **listing_fields(description="x" * 20_001, salary_max=10**10,
                                                               salary_currency="EUR"))
    assert set(errors_of(caught.value)) == {"description", "salary_max"}
    with pytest.raises(ValidationError) as caught:
        services.listing_create(by=recruiter, **listing_fields(salary_min=100, valid_through=timezone.now() - timedelta(hours=1)))
    assert set(errors_of(caught.value)) == {"salary_currency", "valid_through"}
    assert not Listing.objects.exists()


def test_the_database_refuses_a_salary_range_upside_down(recruiter):
    listing = make_listing(recruiter, publish=False)
    with pytest.raises(IntegrityError):
        Listing.objects.filter(pk=listing.pk).update(salary_min=10, salary_max=5)


def test_an_unverified_organisation_prepares_drafts_but_cannot_publish(unverified_recruiter):
    draft = make_listing(unverified_recruiter, publish=False)
    assert draft.state == ListingState.DRAFT
    with pytest.raises(ValidationError, match="not verified"):
        services.listing_publish(listing=draft, by=unverified_recruiter)
    assert not selectors.board_listings().exists()


def test_publish_close_reopen_and_the_board(recruiter):
    listing = make_listing(recruiter, publish=False)
    assert list(selectors.board_listings()) == []
    listing = services.listing_publish(listing=listing, by=recruiter)
    assert listing.posted_at is not None and list(selectors.board_listings()) == [listing]
    services.listing_close(listing=listing, by=recruiter)
    assert list(selectors.board_listings()) == []
    with pytest.raises(ValidationError):
        services.listing_close(listing=listing, by=recruiter)
    services.listing_reopen(listing=listing, by=recruiter)
    assert list(selectors.board_listings()) == [listing]


def test_another_organisations_recruiter_cannot_change_a_listing(listing, other_recruiter):
    for change in (services.listing_close, services.listing_publish, services.listing_reopen):
        with pytest.raises(ValidationError):
            change(listing=listing, by=other_recruiter)
    with pytest.raises(ValidationError):
        services.listing_update(listing=listing, by=other_recruiter, title="Hijacked")
    listing.refresh_from_db()
    assert listing.title == "ML engineering intern" and listing.state == ListingState.PUBLISHED


def test_expiry_warns_once_five_days_before_then_expires(recruiter):
    listing = make_listing(recruiter, valid_through=timezone.now() + timedelta(days=10))
    assert services.listings_expiry_warn() == 0
    soon = timezone.now() + timedelta(days=6)
    assert services.listings_expiry_warn(now=soon) == 1
    assert services.listings_expiry_warn(now=soon) == 0  # once
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [recruiter.email]
    assert "ML engineering intern" in mail.outbox[0].subject
    assert f"/recruiter/listings/{listing.pk}/edit/" in mail.outbox[0].body
    assert services.listings_expire(now=soon) == 0
    assert services.listings_expire(now=timezone.now() + timedelta(days=11)) == 1
    listing.refresh_from_db()
    assert listing.state == ListingState.EXPIRED
    # A new closing date may be warned about again, and reopening puts it back on the board.
    listing = services.listing_update(listing=listing, by=recruiter, valid_through=timezone.now() + timedelta(days=20))
    assert listing.expiry_warned_at is None
    services.listing_reopen(listing=listing, by=recruiter)
    assert list(selectors.board_listings()) == [listing]


def test_a_listing_past_its_date_leaves_the_board_before_the_task_runs(recruiter):
    listing = make_listing(recruiter)
    Listing.objects.filter(pk=listing.pk).update(valid_through=timezone.now() - timedelta(minutes=1))
    assert not selectors.board_listings().exists()
    listing.refresh_from_db()
    assert not listing.takes_applications


def test_applying_needs_consent_and_happens_once(listing, candidate):
    with pytest.raises(ValidationError) as caught:
        services.application_create(listing=listing, candidate=candidate, note="Hi", consent=False)
    assert "consent" in caught.value.message_dict
    services.application_create(listing=listing, candidate=candidate, note="Hi", consent=True)
    with pytest.raises(ValidationError, match="already applied"):
        services.application_create(listing=listing, candidate=candidate, note="Again", consent=True)
    assert Application.objects.count() == 1


def test_one_application_per_listing_is_a_database_rule(listing, candidate):
    application = services.application_create(listing=listing, candidate=candidate, note="", consent=True)
    with pytest.raises(IntegrityError):
        Application.objects.create(listing=listing, candidate=candidate, consent_given_at=application.consent_given_at)


def test_closed_listings_take_no_applications(listing, recruiter, candidate):
    services.listing_close(listing=listing, by=recruiter)
    with pytest.raises(ValidationError, match="no longer takes applications"):
        services.application_create(listing=listing, candidate=candidate, note="", consent=True)


def test_unverified_addresses_cannot_apply(listing):
    from tests.conftest import make_account

    unverified = make_account("fresh", verified=False)
    with pytest.raises(ValidationError, match="Verify your e-mail"):
        services.application_create(listing=listing, candidate=unverified, note="", consent=True)


def test_recruiters_move_statuses_along_sensible_transitions(listing, recruiter, other_recruiter, candidate):
    application = services.application_create(listing=listing, candidate=candidate, note="", consent=True)
    with pytest.raises(ValidationError, match="another organisation"):
        services.application_status_set(application=application, status=ApplicationStatus.REVIEWING, by=other_recruiter)
    with pytest.raises(ValidationError, match="cannot go from submitted to offer"):
        services.application_status_set(application=application, status=ApplicationStatus.OFFER, by=recruiter)
    with pytest.raises(ValidationError):
        services.application_status_set(application=application, status=ApplicationStatus.WITHDRAWN, by=recruiter)
    for status in (ApplicationStatus.REVIEWING, ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER):
        application = services.application_status_set(application=application, status=status, by=recruiter)
    assert application.status == ApplicationStatus.OFFER
    assert [c.to_status for c in application.status_changes.all()] == ["reviewing", "interview", "offer"]


def test_a_withdrawn_application_is_final(listing, recruiter, candidate):
    application = services.application_create(listing=listing, candidate=candidate, note="", consent=True)
    services.application_withdraw(application=application, candidate=candidate)
    with pytest.raises(ValidationError, match="withdrew"):
        services.application_status_set(application=application, status=ApplicationStatus.REVIEWING, by=recruiter)


def test_events_are_sent_after_commit(listing, candidate, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, organisation, event, data, **kwargs):
        received.append((organisation, event, data))

    organisation_event.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            application = services.application_create(listing=listing, candidate=candidate, note="", consent=True)
        with django_capture_on_commit_callbacks(execute=True):
            services.application_withdraw(application=application, candidate=candidate)
        with django_capture_on_commit_callbacks(execute=True):
            profile_sharing_set(user=candidate, share=True)
        with django_capture_on_commit_callbacks(execute=True):
            profile_sharing_set(user=candidate, share=True)  # no change, no event
        with django_capture_on_commit_callbacks(execute=True):
            profile_sharing_set(user=candidate, share=False)
    finally:
        organisation_event.disconnect(receiver)
    public_id = str(candidate.progress_profile.public_id)
    assert [(o, e) for o, e, _ in received] == [
        (listing.organisation, "application.created"),
        (listing.organisation, "application.withdrawn"),
        (None, "candidate.shared"),
        (None, "candidate.unshared"),
    ]
    assert received[0][2]["candidate"] == public_id and received[0][2]["listing_id"] == listing.pk
    assert received[1][2]["status"] == "withdrawn"


def test_verifying_is_for_superusers_only(unverified_recruiter, author):
    organisation = unverified_recruiter.recruiter_membership.organisation
    with pytest.raises(ValidationError):
        services.organisation_verify(organisation=organisation, by=author)
    author.is_superuser = True
    organisation = services.organisation_verify(organisation=organisation, by=author)
    assert organisation.is_verified and organisation.verified_by == author


def test_a_recruiter_belongs_to_one_organisation(recruiter):
    with pytest.raises(ValidationError, match="already belong"):
        services.organisation_create(name="Second", recruiter=recruiter)


def test_the_periodic_task_warns_and_expires(recruiter, eager_celery):
    from recruiting.tasks import expire_listings

    soon = make_listing(recruiter, title="Closing soon", valid_through=timezone.now() + timedelta(days=2))
    later = make_listing(recruiter, title="Closing later", valid_through=timezone.now() + timedelta(days=40))
    past = make_listing(recruiter, title="Past")
    Listing.objects.filter(pk=past.pk).update(valid_through=timezone.now() - timedelta(seconds=1))
    expire_listings.delay()
    states = dict(Listing.objects.values_list("title", "state"))
    assert states == {"Closing soon": "published", "Closing later": "published", "Past": "expired"}
    # Only the listing closing within five days is warned of (not the one already past, not the later one).
    assert [m.subject for m in mail.outbox] == [f"Your listing “Closing soon” closes on {timezone.localtime(soon.valid_through):%d %B %Y}"]
    later.refresh_from_db()
    assert later.expiry_warned_at is None


def test_the_beat_schedule_runs_the_task(settings):
    assert settings.CELERY_BEAT_SCHEDULE["expire-listings"]["task"] == "recruiting.tasks.expire_listings"


def test_deleting_an_account_tells_the_organisations_applied_to(listing, candidate, django_capture_on_commit_callbacks):
    from profiles.services import candidate_account_delete

    services.application_create(listing=listing, candidate=candidate, note="", consent=True)
    profile_sharing_set(user=candidate, share=True)
    received = []

    def receiver(sender, organisation, event, data, **kwargs):
        received.append((organisation, event))

    organisation_event.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            candidate_account_delete(candidate=candidate)
    finally:
        organisation_event.disconnect(receiver)
    assert received == [(listing.organisation, "application.withdrawn"), (None, "candidate.unshared")]
    assert not Application.objects.exists()
