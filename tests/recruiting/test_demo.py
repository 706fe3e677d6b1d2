import pytest
from django.core.management import call_command
from django.urls import reverse

from recruiting.models import Listing, ListingState, Organisation

pytestmark = pytest.mark.django_db


def test_load_demo_gives_the_demo_recruiter_a_verified_organisation_with_listings(client, settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # idempotent
    assert "Demo Analytics (verified), with 3 listings" in capsys.readouterr().out
    organisation = Organisation.objects.get(name="Demo Analytics")
    assert organisation.is_verified and organisation.memberships.get().recruiter.username == "recruiter"
    assert Listing.objects.filter(organisation=organisation, state=ListingState.PUBLISHED).count() == 3
    board = client.get(reverse("recruiting:board")).content.decode()
    assert "Machine learning intern (ranking)" in board and "Junior data scientist" in board
    # The demo candidate shares, so the demo recruiter sees them.
    from recruiting.selectors import candidates_visible_to

    assert candidates_visible_to(organisation=organisation).filter(candidate__username="candidate").exists()
