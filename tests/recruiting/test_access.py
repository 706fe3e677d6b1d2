"""The permission matrix: organisations never see each other's listings or applications; a candidate is
visible to an organisation only under consent (sharing with everyone verified, or an active application to it),
in every list, filter and detail page, and hiding takes effect at once."""

import pytest
from django.urls import reverse

from accounts.services import profile_sharing_set
from profiles.models import ProfileView, TopicMastery
from profiles.services import candidate_profile_ensure
from questions.models import Topic
from recruiting import selectors, services
from recruiting.models import ApplicationStatus
from tests.recruiting.conftest import make_listing

pytestmark = pytest.mark.django_db


def seen_by(client, recruiter, candidate) -> dict:
    """What the recruiter's pages show of the candidate: the list, the topic-filtered list, the detail page."""
    client.force_login(recruiter)
    public_id = candidate_profile_ensure(candidate=candidate).public_id
    topic = Topic.objects.order_by("pk").first()
    listed = str(public_id) in client.get(reverse("recruiting:candidates")).content.decode()
    filtered = str(public_id) in client.get(reverse("recruiting:candidates"), {"topic": topic.slug}).content.decode()
    detail = client.get(reverse("shared-profile", args=[public_id])).status_code
    organisation = selectors.organisation_of(recruiter=recruiter)
    in_queryset = selectors.candidates_visible_to(organisation=organisation).filter(candidate=candidate).exists()
    return {"list": listed, "filtered": filtered, "detail": detail, "selector": in_queryset}


HIDDEN = {"list": False, "filtered": False, "detail": 404, "selector": False}
SHOWN = {"list": True, "filtered": True, "detail": 200, "selector": True}


@pytest.fixture
def proficient_candidate(candidate):
    """The candidate, proficient in the first topic, so topic filters would find them if they were visible."""
    topic = Topic.objects.order_by("pk").first()
    TopicMastery.objects.create(candidate=candidate, topic=topic, level=3, score=0.8, coverage=0.6,
                                graded_questions=2, total_questions=3)
    return candidate


def test_a_candidate_who_does_not_share_is_invisible_everywhere(client, recruiter, other_recruiter, proficient_candidate):
    assert seen_by(client, recruiter, proficient_candidate) == HIDDEN
    assert seen_by(client, other_recruiter, proficient_candidate) == HIDDEN


def test_sharing_shows_to_every_verified_organisation_and_unsharing_hides_at_once(
    client, recruiter, other_recruiter, unverified_recruiter, proficient_candidate
):
    profile_sharing_set(user=proficient_candidate, share=True)
    assert seen_by(client, recruiter, proficient_candidate) == SHOWN
    assert seen_by(client, other_recruiter, proficient_candidate) == SHOWN
    assert seen_by(client, unverified_recruiter, proficient_candidate)["detail"] == 404
    assert not selectors.candidates_visible_to(organisation=unverified_recruiter.recruiter_membership.organisation).exists()
    profile_sharing_set(user=proficient_candidate, share=False)
    assert seen_by(client, recruiter, proficient_candidate) == HIDDEN


def test_an_application_shares_with_that_organisation_only_until_withdrawn(
    client, listing, recruiter, other_recruiter, proficient_candidate
):
    application = services.application_create(listing=listing, candidate=proficient_candidate,
                                              note="My secret note", consent=True)
    assert seen_by(client, recruiter, proficient_candidate) == SHOWN
    assert seen_by(client, other_recruiter, proficient_candidate) == HIDDEN
    # Moving the status keeps the sharing; a rejection too (the candidate has not withdrawn).
    services.application_status_set(application=application, status=ApplicationStatus.REJECTED, by=recruiter)
    assert seen_by(client, recruiter, proficient_candidate) == SHOWN
    services.application_withdraw(application=application, candidate=proficient_candidate)
    assert seen_by(client, recruiter, proficient_candidate) == HIDDEN
    # The application page says so, and no longer links the profile.
    page = client.get(reverse("recruiting:application", args=[application.pk])).content.decode()
    assert "withdrew this application" in page and "Open their profile" not in page
    assert "My secret note" not in page and proficient_candidate.email not in page
    # The status history says who withdrew without naming them.
    assert "Withdrawn by the applicant" in page and f"by {proficient_candidate.username}" not in page
    for url in (reverse("recruiting:applications"), reverse("recruiter-home")):
        page = client.get(url).content.decode()
        assert "A withdrawn applicant" in page and f">{proficient_candidate.username}<" not in page


def test_an_unverified_organisation_sees_no_applicant(client, unverified_recruiter, recruiter, listing, candidate):
    services.application_create(listing=listing, candidate=candidate, note="", consent=True)
    assert seen_by(client, unverified_recruiter, candidate)["detail"] == 404


def test_each_view_is_logged_with_the_organisation(client, listing, recruiter, candidate):
    services.application_create(listing=listing, candidate=candidate, note="", consent=True)
    client.force_login(recruiter)
    client.get(reverse("shared-profile", args=[candidate.progress_profile.public_id]))
    view = ProfileView.objects.get(candidate=candidate)
    assert view.viewer == recruiter and view.organisation_name == "Acme Analytics"


def test_organisation_a_never_reaches_organisation_bs_listings_or_applications(
    client, recruiter, other_recruiter, other_listing, candidate
):
    draft = make_listing(other_recruiter, publish=False, title="Secret draft")
    application = services.application_create(listing=other_listing, candidate=candidate, note="Globex only", consent=True)
    client.force_login(recruiter)
    for url in (
        reverse("recruiting:listing-edit", args=[other_listing.pk]),
        reverse("recruiting:listing-edit", args=[draft.pk]),
        reverse("recruiting:listing", args=[draft.pk]),  # drafts are not public
        reverse("recruiting:application", args=[application.pk]),
        reverse("recruiting:applications") + f"?listing={other_listing.pk}",
    ):
        assert client.get(url).status_code == 404, url
    for action in ("close", "publish", "reopen"):
        assert client.post(reverse("recruiting:listing-state", args=[draft.pk, action])).status_code == 404
    assert client.post(reverse("recruiting:listing-edit", args=[other_listing.pk]), {"title": "x"}).status_code == 404
    response = client.post(reverse("recruiting:application", args=[application.pk]), {"status": "rejected"})
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    # Their own pages list nothing of Globex's.
    for url in (reverse("recruiter-home"), reverse("recruiting:applications")):
        page = client.get(url).content.decode()
        assert "Globex" not in page and "Secret draft" not in page
        assert reverse("recruiting:application", args=[application.pk]) not in page


def test_candidates_reach_only_their_own_applications(client, listing, candidate, other_candidate):
    application = services.application_create(listing=listing, candidate=candidate, note="", consent=True)
    client.force_login(other_candidate)
    assert client.post(reverse("recruiting:withdraw", args=[application.pk])).status_code == 404
    assert listing.title not in client.get(reverse("recruiting:my-applications")).content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_recruiter_pages_are_for_recruiters(client, candidate, listing):
    client.force_login(candidate)
    for url in (reverse("recruiting:listing-create"), reverse("recruiting:applications"), reverse("recruiting:candidates")):
        assert client.get(url).status_code == 403
    client.logout()
    assert client.get(reverse("recruiting:candidates")).status_code == 302  # log in first
