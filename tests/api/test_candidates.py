"""GET /api/v1/candidates/: the candidates an organisation may see, filtered by mastery and activity, ordered and
paged by cursor; a candidate's profile is the data of their "what recruiters see" page, and each view is logged."""

import base64
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.services import profile_sharing_set
from profiles.models import CandidateProfile, ProfileView
from profiles.selectors import shared_profile
from recruiting.services import application_create, application_withdraw
from tests.api.test_webhooks import published_listing
from tests.conftest import make_account
from tests.profiles.helpers import answer

pytestmark = pytest.mark.django_db

URL = "/api/v1/candidates/"
NN = "overfit-one-batch"  # single choice, topic neural-networks, stage deep-learning
TREES = "why-trees-win-on-tables"  # single choice, topic dl-vs-classical, stage deep-learning


def sharer(name, *, right=None, wrong=None):
    user = make_account(name)
    for slug in right or []:
        answer(user, slug, right=True)
    for slug in wrong or []:
        answer(user, slug, right=False)
    profile_sharing_set(user=user, share=True)
    return user


@pytest.fixture
def people(db):
    return {
        "strong": sharer("strong", right=[NN, TREES]),
        "weak": sharer("weak", wrong=[NN]),
        "idle": sharer("idle"),
        "shy": make_account("shy"),  # has mastery, never shares
    }


@pytest.fixture
def shy_has_mastery(people):
    answer(people["shy"], NN, right=True)
    return people["shy"]


def names(response):
    assert response.status_code == 200, response.content
    return [c["username"] for c in response.json()["results"]]


def test_the_list_holds_sharing_candidates_only(api_a, people, shy_has_mastery):
    listed = names(api_a.get(URL))
    assert set(listed) == {"strong", "weak", "idle"}
    assert listed[0] == "strong"  # best overall mastery first


@pytest.mark.parametrize("query, expected", [
    ("topic=neural-networks", ["strong", "weak"]),
    ("topic=neural-networks&min_mastery=0.5", ["strong"]),
    ("topic=dl-vs-classical", ["strong"]),
    ("stage=deep-learning&min_mastery=0.01", ["strong"]),
    ("stage=deep-learning", ["strong", "weak"]),
    ("min_mastery=0.0001", ["strong"]),
    ("topic=neural-networks&ordering=mastery", ["weak", "strong"]),
])
def test_filters_by_stored_mastery(api_a, people, shy_has_mastery, query, expected):
    assert names(api_a.get(f"{URL}?{query}")) == expected


def test_filters_by_activity_and_orders_by_it(api_a, people):
    CandidateProfile.objects.filter(candidate=people["weak"]).update(last_activity_at=timezone.now() - timedelta(days=40))
    since = (timezone.now() - timedelta(days=10)).date().isoformat()
    assert names(api_a.get(f"{URL}?active_since={since}")) == ["strong"]
    assert names(api_a.get(f"{URL}?ordering=-last_activity")) == ["strong", "weak", "idle"]
    assert names(api_a.get(f"{URL}?ordering=last_activity")) == ["idle", "weak", "strong"]


@pytest.mark.parametrize("query, field", [("topic=no-such-topic", "topic"), ("topic=a%00b", "topic"),
                                          ("min_mastery=2", "min_mastery"),
                                          ("active_since=yesterday", "active_since"), ("stage=nope", "stage")])
def test_bad_filters_are_400_with_the_fields_message(api_a, people, query, field):
    response = api_a.get(f"{URL}?{query}")
    assert response.status_code == 400 and field in response.json()


def test_the_cursor_walks_every_candidate_once(api_a, people):
    for i in range(5):
        sharer(f"extra{i}", right=[NN] if i % 2 else [], wrong=[] if i % 2 else [NN])
    seen, url = [], f"{URL}?page_size=2"
    while url:
        page = api_a.get(url).json()
        assert len(page["results"]) <= 2
        seen += [c["username"] for c in page["results"]]
        url = page["next"]
    assert sorted(seen) == sorted(["strong", "weak", "idle"] + [f"extra{i}" for i in range(5)])


@pytest.mark.parametrize("ordering", ["", "&ordering=last_activity", "&ordering=-mastery"])
def test_previous_links_go_back_a_page_where_many_candidates_tie(api_a, people, ordering):
    # DRF's cursor kept the first column and an offset among ties: with many candidates of equal mastery, a
    # previous link gave an empty page, or the page itself.
    for i in range(12):
        sharer(f"tie{i}")
    pages, url = [], f"{URL}?page_size=3{ordering}"
    while url:
        body = api_a.get(url).json()
        pages.append(([c["username"] for c in body["results"]], body["previous"]))
        url = body["next"]
    assert sorted(name for names, _ in pages for name in names) == sorted(
        ["strong", "weak", "idle"] + [f"tie{i}" for i in range(12)])
    assert pages[0][1] is None
    for i, (_, previous) in enumerate(pages[1:], start=1):
        back = api_a.get(previous).json()
        assert [c["username"] for c in back["results"]] == pages[i - 1][0]
        assert (back["previous"] is None) == (i == 1)


@pytest.mark.parametrize("cursor", [base64.b64encode(f"o=0&p={position}".encode()).decode()
                                    for position in ("abc", "'", "2026-13-45")] + ["garbage", "zzz", "o%3D-1"])
@pytest.mark.parametrize("ordering", ["", "&ordering=last_activity", "&ordering=-mastery"])
def test_a_forged_or_malformed_cursor_is_a_400_not_a_server_error_nor_a_404(api_a, people, cursor, ordering):
    response = api_a.get(f"{URL}?cursor={cursor}{ordering}")
    assert response.status_code == 400 and "cursor" in response.json(), response.content


@pytest.mark.parametrize("query, field", [
    ("ordering=bogus", "ordering"), ("ordering=mastery,secret", "ordering"),
    ("page_size=0", "page_size"), ("page_size=-1", "page_size"), ("page_size=abc", "page_size"),
    ("page_size=101", "page_size"), ("page_size=²", "page_size"), ("ordering=--mastery", "ordering"),
])
def test_an_order_or_page_size_the_list_does_not_offer_is_a_400_saying_what_it_does(api_a, people, query, field):
    response = api_a.get(f"{URL}?{query}")
    assert response.status_code == 400 and field in response.json(), response.content


def test_the_orders_and_page_sizes_offered_work(api_a, people):
    for query in ("ordering=mastery", "ordering=-last_activity,", "page_size=1", "page_size=100"):
        assert api_a.get(f"{URL}?{query}").status_code == 200, query


def test_the_profile_is_the_shared_page_data_and_the_view_is_logged(api_a, people, org_a, recruiter):
    profile = people["strong"].progress_profile
    response = api_a.get(f"{URL}{profile.public_id}/")
    assert response.status_code == 200
    data = response.json()
    expected = shared_profile(profile=profile)
    assert data["public_id"] == expected.public_id and data["username"] == "strong"
    assert data["overall"]["score"] == expected.overall.score
    assert [s["slug"] for s in data["stages"]] == [s.slug for s in expected.stages]
    deep = next(s for s in data["stages"] if s["slug"] == "deep-learning")
    nn = next(t for t in deep["topics"] if t["slug"] == "neural-networks")
    assert nn["mastery"]["solved_questions"] == 1
    assert data["strengths"] == expected.strengths and data["weaknesses"] == expected.weaknesses
    view = ProfileView.objects.get(candidate=people["strong"])
    assert view.viewer == recruiter and view.organisation_name == org_a.name


def test_a_candidate_who_does_not_share_is_a_404_and_nothing_is_logged(api_a, shy_has_mastery):
    response = api_a.get(f"{URL}{shy_has_mastery.progress_profile.public_id}/")
    assert response.status_code == 404
    assert api_a.get(f"{URL}00000000-0000-0000-0000-000000000000/").status_code == 404
    assert not ProfileView.objects.exists()


def test_unsharing_hides_the_candidate_at_once(api_a, people):
    public_id = people["strong"].progress_profile.public_id
    assert api_a.get(f"{URL}{public_id}/").status_code == 200
    profile_sharing_set(user=people["strong"], share=False)
    assert api_a.get(f"{URL}{public_id}/").status_code == 404
    for query in ("", "?topic=neural-networks", "?stage=deep-learning", "?ordering=-last_activity"):
        assert "strong" not in names(api_a.get(URL + query))


def test_an_applicant_is_seen_by_that_organisation_only_until_they_withdraw(api_a, api_b, recruiter, people,
                                                                            shy_has_mastery):
    listing = published_listing(recruiter)
    application = application_create(listing=listing, candidate=shy_has_mastery, note="Hi", consent=True)
    public_id = shy_has_mastery.progress_profile.public_id
    assert "shy" in names(api_a.get(f"{URL}?topic=neural-networks"))
    assert api_a.get(f"{URL}{public_id}/").status_code == 200
    assert "shy" not in names(api_b.get(URL)) and api_b.get(f"{URL}{public_id}/").status_code == 404
    application_withdraw(application=application, candidate=shy_has_mastery)
    assert "shy" not in names(api_a.get(f"{URL}?topic=neural-networks"))
    assert api_a.get(f"{URL}{public_id}/").status_code == 404
