"""The board, the listing page, applying and the recruiter's pages, through real URLs."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from questions.models import Topic
from recruiting import services
from recruiting.models import Application, Listing, ListingState
from tests.conftest import make_account
from tests.recruiting.conftest import make_listing

pytestmark = pytest.mark.django_db


def titles(html: str) -> list[str]:
    return re.findall(r'<h2><a href="/jobs/\d+/">(.*?)</a></h2>', html)


def test_the_board_is_public_filters_searches_and_pages(client, recruiter, other_recruiter):
    topic = Topic.objects.order_by("pk").first()
    remote = make_listing(recruiter, title="Remote ranking intern", workplace_type="remote", location="Europe")
    remote.topics.set([topic])
    make_listing(other_recruiter, title="Junior vision engineer", employment_type="junior_full_time", location="Paris")
    make_listing(recruiter, publish=False, title="Draft that nobody sees")
    board = reverse("recruiting:board")
    assert sorted(titles(client.get(board).content.decode())) == ["Junior vision engineer", "Remote ranking intern"]
    assert titles(client.get(board, {"workplace_type": "remote"}).content.decode()) == ["Remote ranking intern"]
    assert titles(client.get(board, {"employment_type": "junior_full_time"}).content.decode()) == ["Junior vision engineer"]
    assert titles(client.get(board, {"location": "paris"}).content.decode()) == ["Junior vision engineer"]
    assert titles(client.get(board, {"topic": topic.slug}).content.decode()) == ["Remote ranking intern"]
    assert titles(client.get(board, {"q": "vision"}).content.decode()) == ["Junior vision engineer"]
    assert titles(client.get(board, {"q": "Globex"}).content.decode()) == ["Junior vision engineer"]  # the organisation
    assert "No listing matches" in client.get(board, {"q": "zzzz-nothing"}).content.decode()
    for i in range(25):
        make_listing(recruiter, title=f"Bulk listing {i}")
    first = client.get(board).content.decode()
    assert len(titles(first)) == 20 and "Page 1 of 2" in first
    assert len(titles(client.get(board, {"page": 2}).content.decode())) == 7


def test_the_listing_page_carries_safe_jobposting_json_ld(client, recruiter):
    listing = make_listing(
        recruiter, title="Intern </script><script>alert(1)</script>", description="# Hi\n\n<img src=x onerror=alert(1)>",
        salary_min=2000, salary_max=2500, salary_currency="eur",
    )
    html = client.get(reverse("recruiting:listing", args=[listing.pk])).content.decode()
    assert "<script>alert(1)" not in html and "<img" not in html  # neither the title nor the Markdown runs
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    data = json.loads(found.group(1))
    assert data["@type"] == "JobPosting" and data["title"] == listing.title
    assert data["hiringOrganization"]["name"] == "Acme Analytics"
    assert data["validThrough"] == listing.valid_through.isoformat() and data["employmentType"] == "INTERN"
    assert data["baseSalary"]["currency"] == "EUR" and data["baseSalary"]["value"]["minValue"] == 2000
    assert data["datePosted"] == listing.posted_at.date().isoformat()


def test_closed_and_expired_pages_say_so_and_take_no_applications(client, recruiter, candidate):
    closed = services.listing_close(listing=make_listing(recruiter, title="Closed one"), by=recruiter)
    expired = make_listing(recruiter, title="Old one")
    Listing.objects.filter(pk=expired.pk).update(state=ListingState.EXPIRED)
    client.force_login(candidate)
    for listing, says in ((closed, "This listing is closed"), (expired, "This listing expired")):
        page = client.get(reverse("recruiting:listing", args=[listing.pk])).content.decode()
        assert says in page and "Apply and share" not in page and "application/ld+json" not in page
        response = client.post(reverse("recruiting:apply", args=[listing.pk]), {"note": "hi", "consent": "on"})
        assert response.status_code == 400 and "no longer takes applications" in response.content.decode()
    # Past its closing date but not yet expired by the periodic task: the page says so all the same.
    late = make_listing(recruiter, title="Late one")
    Listing.objects.filter(pk=late.pk).update(valid_through=timezone.now() - timedelta(minutes=5))
    page = client.get(reverse("recruiting:listing", args=[late.pk])).content.decode()
    assert "This listing expired" in page and "application/ld+json" not in page and "Apply and share" not in page
    assert not Application.objects.exists()
    board = client.get(reverse("recruiting:board")).content.decode()
    assert "Closed one" not in board and "Old one" not in board


def test_applying_without_consent_keeps_the_note_and_says_why(client, listing, candidate):
    client.force_login(candidate)
    page = client.get(reverse("recruiting:listing", args=[listing.pk])).content.decode()
    assert "I share my progress profile with Acme Analytics" in page
    response = client.post(reverse("recruiting:apply", args=[listing.pk]), {"note": "I love ranking."})
    page = response.content.decode()
    assert response.status_code == 400 and "Tick the box" in page and "I love ranking." in page
    assert not Application.objects.exists()
    response = client.post(reverse("recruiting:apply", args=[listing.pk]), {"note": "I love ranking.", "consent": "on"},
                           follow=True)
    page = response.content.decode()
    assert "Acme Analytics can now see your profile" in page and "Submitted" in page
    again = client.post(reverse("recruiting:apply", args=[listing.pk]), {"note": "x", "consent": "on"})
    assert Application.objects.count() == 1
    assert again.status_code == 400 and "already applied" in again.content.decode()


def test_my_applications_page_withdraw_and_statuses(client, recruiter, candidate):
    listings = [make_listing(recruiter, title=f"Job {i}") for i in range(22)]
    for listing in listings:
        services.application_create(listing=listing, candidate=candidate, note="", consent=True)
    first = Application.objects.get(listing=listings[0])
    services.application_status_set(application=first, status="reviewing", by=recruiter)
    client.force_login(candidate)
    page = client.get(reverse("recruiting:my-applications")).content.decode()
    assert "Page 1 of 2" in page and page.count("Withdraw</button>") == 20
    page = client.get(reverse("recruiting:my-applications"), {"page": 2}).content.decode()
    assert "Job 0" in page and "Reviewing" in page
    response = client.post(reverse("recruiting:withdraw", args=[first.pk]), follow=True)
    assert "can no longer see your profile through it" in response.content.decode()
    first.refresh_from_db()
    assert first.status == "withdrawn" and first.withdrawn_at is not None


def test_the_sharing_page_tells_who_sees_the_profile_through_applications(client, listing, candidate):
    services.application_create(listing=listing, candidate=candidate, note="", consent=True)
    client.force_login(candidate)
    page = client.get(reverse("profile-sharing")).content.decode()
    assert "Only the organisations you applied to see your profile" in page and "Acme Analytics" in page
    exported = client.get(reverse("profile-export")).json()
    assert exported["applications"][0]["organisation"] == "Acme Analytics"


def test_a_recruiter_creates_edits_publishes_closes_and_reopens_in_the_web_ui(client, recruiter):
    client.force_login(recruiter)
    create = reverse("recruiting:listing-create")
    assert client.get(create).status_code == 200
    too_late = (timezone.localdate() + timedelta(days=200)).isoformat()
    form = {"title": "NLP intern", "description": "Tokenise *everything*.", "location": "Lisbon",
            "workplace_type": "on_site", "employment_type": "internship", "salary_min": "3000", "salary_max": "2000",
            "salary_currency": "EUR", "valid_through": too_late}
    response = client.post(create, form)
    page = response.content.decode()
    assert response.status_code == 200 and "at most 120 days away" in page and "at least the minimum" in page
    assert "Tokenise *everything*." in page  # nothing typed is lost
    assert not Listing.objects.exists()
    # The last day allowed, as the help text says: "at most 120 days away" (open until the end of that day).
    form.update(salary_max="3500", valid_through=(timezone.localdate() + timedelta(days=120)).isoformat())
    response = client.post(create, form)
    listing = Listing.objects.get()
    assert response["Location"] == reverse("recruiting:listing-edit", args=[listing.pk])
    assert listing.state == ListingState.DRAFT and listing.created_by == recruiter
    edit = reverse("recruiting:listing-edit", args=[listing.pk])
    client.post(edit, {**form, "title": "NLP intern (summer)"})
    listing.refresh_from_db()
    assert listing.title == "NLP intern (summer)"
    for action, state in (("publish", "published"), ("close", "closed"), ("reopen", "published")):
        client.post(reverse("recruiting:listing-state", args=[listing.pk, action]))
        listing.refresh_from_db()
        assert listing.state == state
    home = client.get(reverse("recruiter-home")).content.decode()
    assert "NLP intern (summer)" in home and "Published" in home


def test_editing_a_listing_keeps_its_closing_time_and_a_listing_past_its_date_stays_editable(client, recruiter):
    # The form shows a day; saving that day again moved a closing time set through the API (10:00) to the end of
    # the day, and a listing whose date had passed could not be saved at all ("must be in the future").
    client.force_login(recruiter)
    ten_oclock = (timezone.now() + timedelta(days=30)).replace(hour=10, minute=0, second=0, microsecond=0)
    listing = make_listing(recruiter, valid_through=ten_oclock)
    edit = reverse("recruiting:listing-edit", args=[listing.pk])
    form = {name: value for name, value in client.get(edit).context["form"].initial.items() if value is not None}
    form.update(title="Renamed", workplace_type=listing.workplace_type, employment_type=listing.employment_type,
                valid_through=timezone.localtime(ten_oclock).date().isoformat(), stages=[], topics=[])
    form = {k: v for k, v in form.items() if not isinstance(v, list) or v}
    assert client.post(edit, form).status_code == 302
    listing.refresh_from_db()
    assert listing.title == "Renamed" and listing.valid_through == ten_oclock
    Listing.objects.filter(pk=listing.pk).update(valid_through=timezone.now() - timedelta(days=2))
    listing.refresh_from_db()
    form.update(title="Renamed again", valid_through=timezone.localtime(listing.valid_through).date().isoformat())
    assert client.post(edit, form).status_code == 302
    listing.refresh_from_db()
    assert listing.title == "Renamed again"
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()  # a new date in the past is still refused
    assert "in the future" in client.post(edit, {**form, "valid_through": yesterday}).content.decode()


def test_an_unverified_organisation_is_told_why_it_cannot_publish(client, unverified_recruiter):
    client.force_login(unverified_recruiter)
    draft = make_listing(unverified_recruiter, publish=False)
    assert "Not verified yet" in client.get(reverse("recruiter-home")).content.decode()
    form = client.get(reverse("recruiting:listing-create")).content.decode()
    assert "not verified yet: save this as a draft" in form and "Save and publish" not in form
    response = client.post(reverse("recruiting:listing-state", args=[draft.pk, "publish"]), follow=True)
    assert "not verified yet" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == ListingState.DRAFT
    assert "is not verified yet, so no candidate" in client.get(reverse("recruiting:candidates")).content.decode()
    assert client.get(reverse("recruiting:listing", args=[draft.pk])).status_code == 200  # their own draft
    client.logout()
    assert client.get(reverse("recruiting:listing", args=[draft.pk])).status_code == 404


def test_a_new_recruiter_registers_an_organisation(client):
    newcomer = make_account("newrec", Role.RECRUITER)
    client.force_login(newcomer)
    assert "Register your organisation" in client.get(reverse("recruiter-home")).content.decode()
    response = client.post(reverse("recruiting:organisation-create"), {"name": "Hooli"}, follow=True)
    assert "Our staff verify it" in response.content.decode()
    assert newcomer.recruiter_membership.organisation.name == "Hooli"
    assert not newcomer.recruiter_membership.organisation.is_verified


def test_the_recruiter_moves_an_application_and_sees_the_profile(client, listing, recruiter, candidate):
    application = services.application_create(listing=listing, candidate=candidate, note="Hello there", consent=True)
    client.force_login(recruiter)
    page = client.get(reverse("recruiting:applications")).content.decode()
    assert reverse("recruiting:application", args=[application.pk]) in page
    url = reverse("recruiting:application", args=[application.pk])
    page = client.get(url).content.decode()
    assert "Hello there" in page and str(candidate.progress_profile.public_id) in page
    response = client.post(url, {"status": "offer"})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    client.post(url, {"status": "reviewing"})
    application.refresh_from_db()
    assert application.status == "reviewing"
    assert "Submitted → Reviewing" in client.get(url).content.decode()


def test_only_superusers_verify_organisations_and_it_is_logged(client, unverified_recruiter, author):
    organisation = unverified_recruiter.recruiter_membership.organisation
    changelist = reverse("admin:recruiting_organisation_changelist")
    client.force_login(author)  # staff, but not a superuser
    assert client.get(changelist).status_code == 403
    assert client.post(changelist, {"action": "verify", "_selected_action": [organisation.pk]}).status_code == 403
    organisation.refresh_from_db()
    assert not organisation.is_verified
    admin = make_account("root", Role.AUTHOR, is_superuser=True)
    client.force_login(admin)
    response = client.post(changelist, {"action": "verify", "_selected_action": [organisation.pk]}, follow=True)
    assert "Verified 1 organisation" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.is_verified and organisation.verified_by == admin
    assert LogEntry.objects.filter(object_id=str(organisation.pk), user=admin).exists()


@pytest.mark.postgres
def test_board_search_is_full_text_on_postgresql(client, recruiter):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("set DATABASE_URL to a PostgreSQL database to run this (CI does)")
    make_listing(recruiter, title="Machine learning engineer", description="You will be **training** ranking models.")
    make_listing(recruiter, title="Data analyst", description="Dashboards and SQL.")
    board = reverse("recruiting:board")
    # Stemmed words match other forms of the word; a simple substring match would find nothing here.
    assert titles(client.get(board, {"q": "engineers trained"}).content.decode()) == ["Machine learning engineer"]
    assert titles(client.get(board, {"q": "dashboard -ranking"}).content.decode()) == ["Data analyst"]


def test_board_search_takes_phrases_and_negated_words_on_any_database(client, recruiter):
    make_listing(recruiter, title="Machine learning intern (ranking)", description="Rank things.")
    make_listing(recruiter, title="Learning platform engineer", description="Machine rooms.")
    board = reverse("recruiting:board")
    assert titles(client.get(board, {"q": '"machine learning"'}).content.decode()) == ["Machine learning intern (ranking)"]
    assert titles(client.get(board, {"q": "learning -intern"}).content.decode()) == ["Learning platform engineer"]
    make_listing(recruiter, title="Data analyst", description="Dashboards.", location="Lisbon, Portugal")
    assert titles(client.get(board, {"q": "analyst lisbon"}).content.decode()) == ["Data analyst"]  # the place too


@pytest.mark.parametrize("query, terms", [
    ('"machine learning" -intern', [(False, "machine learning"), (True, "intern")]),
    ('-"x y" z', [(True, "x y"), (False, "z")]),
    ('"unclosed phrase', [(False, "unclosed phrase")]),
    ('a - ""', [(False, "a")]),
])
def test_the_embedded_databases_search_reads_the_same_syntax(query, terms):
    from recruiting.selectors import search_terms

    assert search_terms(query) == terms


def test_listing_actions_go_back_only_to_this_site(client, recruiter, listing):
    client.force_login(recruiter)
    url = reverse("recruiting:listing-state", args=[listing.pk, "close"])
    response = client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("recruiting:listing-edit", args=[listing.pk])
    response = client.post(reverse("recruiting:listing-state", args=[listing.pk, "reopen"]), {"next": "/recruiter/?page=1"})
    assert response["Location"] == "/recruiter/?page=1"


def test_a_candidate_sees_their_level_against_the_listings_minimum(client, recruiter, candidate):
    from profiles.models import TopicMastery

    strong, weak = Topic.objects.order_by("pk")[:2]
    listing = make_listing(recruiter, minimum_level=3)
    listing.topics.set([strong, weak])
    TopicMastery.objects.create(candidate=candidate, topic=strong, level=3, score=0.8, coverage=0.6,
                                graded_questions=2, total_questions=3)
    client.force_login(candidate)
    page = client.get(reverse("recruiting:listing", args=[listing.pk])).content.decode()
    assert "At least <strong>proficient</strong>" in page
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>.*?</tr>', page, re.DOTALL)
    assert rows == [strong.title, weak.title]
    assert page.count("meets the minimum") == 1 and page.count("below the minimum") == 1


def test_the_candidate_list_pages_best_first(client, recruiter):
    from profiles.services import candidate_profile_ensure

    for i in range(23):
        user = make_account(f"sharer{i:02}")
        user.share_profile = True
        user.save(update_fields=["share_profile"])
        profile = candidate_profile_ensure(candidate=user)
        profile.score, profile.level = i / 100, 1
        profile.save(update_fields=["score", "level"])
    client.force_login(recruiter)
    first = client.get(reverse("recruiting:candidates")).content.decode()
    names = re.findall(r'<a href="/profiles/[0-9a-f-]{36}/">(sharer\d\d)</a>', first)
    assert len(names) == 20 and names[0] == "sharer22" and "Page 1 of 2" in first
    second = client.get(reverse("recruiting:candidates"), {"page": 2}).content.decode()
    assert re.findall(r'<a href="/profiles/[0-9a-f-]{36}/">(sharer\d\d)</a>', second) == ["sharer02", "sharer01", "sharer00"]
