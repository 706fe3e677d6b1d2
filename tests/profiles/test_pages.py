"""The profile pages through real URLs and permissions: the profile, history, sharing and the recruiter's view,
the view log, export and deletion; and query counts that do not grow with the amount of data."""

import json
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from accounts.services import profile_sharing_set
from grader.models import Submission, SubmissionKind
from profiles.models import CandidateProfile, DeletedAccountResults, ProfileView
from profiles.services import candidate_profile_ensure, profile_view_record
from questions.models import Attempt
from tests.conftest import PASSWORD
from tests.profiles.helpers import answer, free_text, graded, review, submission

pytestmark = pytest.mark.django_db


def profile_data(html: str) -> dict:
    found = re.search(r'<script id="profile-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def some_results(candidate):
    answer(candidate, "l1-zeroes-weights", right=True)
    answer(candidate, "regularisation-strength", right=True)
    answer(candidate, "kfold-validation-count", right=False)
    graded(submission(candidate, "k-fold"), 0.2)
    free_text(candidate, "fraud-threshold")


# ---------------------------------------------------------------------------------------------------------------
# The candidate's profile


def test_the_profile_shows_mastery_charts_with_text_equivalents_and_the_rule(candidate_client, candidate):
    some_results(candidate)
    page = candidate_client.get(reverse("profile")).content.decode()
    assert "How mastery is counted" in page and "retired questions count in neither" in page
    for chart in ["chart-topics", "chart-stages", "chart-activity", "chart-difficulty"]:
        assert f'<canvas id="{chart}" role="img"' in page
    for table in ["table-topics", "table-stages", "table-activity", "table-difficulty"]:
        assert f'id="{table}"' in page
    assert "js/vendor/chart.umd.min.js" in page
    data = profile_data(page)
    regularisation = next(t for s in data["stages"] for t in s["topics"] if t["slug"] == "regularisation")
    assert regularisation["mastery"]["score"] == 1.0 and regularisation["mastery"]["graded_questions"] == 2
    assert sum(w["results"] for w in data["activity"]) == 5  # four answers and one real submission this week
    assert "1 answer of yours waits for a reviewer" in page


def test_strengths_weaknesses_and_next_up_say_why(candidate_client, candidate):
    some_results(candidate)
    page = candidate_client.get(reverse("profile")).content.decode()
    assert "k-fold cross-validation: attempted" in page  # the weakest topic, in words
    next_up = page[page.index("Next up"):page.index("Strengths")]
    assert "k-fold cross-validation is one of your weakest topics (attempted" in next_up
    assert "You have not started" in next_up
    assert next_up.count("<li>") == 4


def test_a_new_candidate_is_pointed_at_easy_first_questions(candidate_client):
    page = candidate_client.get(reverse("profile")).content.decode()
    next_up = page[page.index("Next up"):page.index("Strengths")]
    assert "You have not started The ML lifecycle yet: an easy question is a good first step." in next_up
    assert "Not started yet: Foundations, Core ML" in page


def test_profile_pages_are_for_candidates_only(client, reviewer):
    assert client.get(reverse("profile")).status_code == 302  # to the login page
    client.force_login(reviewer)
    for name in ["profile", "history", "profile-sharing", "profile-export", "account-delete"]:
        assert client.get(reverse(name)).status_code == 403


# ---------------------------------------------------------------------------------------------------------------
# History


def test_history_lists_answers_and_submissions_newest_first(candidate_client, candidate):
    some_results(candidate)
    graded(submission(candidate, "f1-score", kind=SubmissionKind.EXAMPLES), 1.0)
    page = candidate_client.get(reverse("history")).content.decode()
    assert "6 entries" in page
    rows = re.findall(r"<td>(Answer|Submission|Example run)</td>", page)
    assert rows == ["Example run", "Answer", "Submission", "Answer", "Answer", "Answer"]
    assert "Awaiting review" in page and "Wrong answer" in page


@pytest.mark.parametrize(
    "query, count",
    [
        ({"stage": "core-ml"}, 4),
        ({"stage": "data-features"}, 1),
        ({"topic": "regularisation"}, 2),
        ({"topic": "cross-validation"}, 2),
        ({"result": "full"}, 2),
        ({"result": "none"}, 1),
        ({"result": "partial"}, 1),
        ({"result": "waiting"}, 1),
        ({"result": "examples"}, 0),
        ({"stage": "core-ml", "result": "full"}, 2),
    ],
)
def test_history_filters_by_stage_topic_and_result(candidate_client, candidate, query, count):
    some_results(candidate)
    page = candidate_client.get(reverse("history"), query).content.decode()
    assert f"{count} entr" in page


def test_history_refuses_unknown_filters_clearly_and_shows_everything(candidate_client, candidate):
    some_results(candidate)
    response = candidate_client.get(reverse("history"), {"stage": "nope", "result": "bogus"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in page and "5 entries" in page


def test_history_pages_and_keeps_the_filters(candidate_client, candidate):
    for _ in range(25):
        answer(candidate, "l1-zeroes-weights", right=True)
    page = candidate_client.get(reverse("history"), {"result": "full"}).content.decode()
    assert "Page 1 of 2" in page and "?result=full&amp;page=2" in page
    assert "Page 2 of 2" in candidate_client.get(reverse("history"), {"result": "full", "page": 2}).content.decode()
    assert candidate_client.get(reverse("history"), {"page": "junk"}).status_code == 200


def test_the_old_history_address_redirects(candidate_client):
    response = candidate_client.get("/attempts/?page=2")
    assert response.status_code == 302 and response["Location"] == reverse("history") + "?page=2"


def test_history_shows_only_ones_own_entries(candidate_client, candidate, other_candidate):
    answer(other_candidate, "l1-zeroes-weights", right=True)
    assert "0 entries" in candidate_client.get(reverse("history")).content.decode()


# ---------------------------------------------------------------------------------------------------------------
# Sharing, the recruiter's view and the view log


@pytest.fixture
def recruiter_client(client, recruiter):
    client.force_login(recruiter)
    return client


def shared_url(candidate):
    return reverse("shared-profile", args=[candidate_profile_ensure(candidate=candidate).public_id])


def test_sharing_is_off_by_default_and_recruiters_see_nothing(recruiter_client, candidate):
    some_results(candidate)
    assert not candidate.share_profile
    assert recruiter_client.get(shared_url(candidate)).status_code == 404
    assert not ProfileView.objects.exists()


def test_what_recruiters_see_is_exactly_the_shared_view(client, candidate, recruiter):
    some_results(candidate)
    client.force_login(candidate)
    client.post(reverse("profile-sharing-update"), {"share_profile": "on"})
    preview = client.get(reverse("profile-sharing")).content.decode()
    assert "Sharing is on" in preview
    client.force_login(recruiter)
    seen = client.get(shared_url(candidate)).content.decode()
    assert profile_data(seen) == profile_data(preview)
    shared_block = preview[preview.index('<section class="card overall"'):preview.index('<script id="profile-data"')]
    assert shared_block in seen
    assert "Next up" not in seen and "fraud-threshold" not in seen  # nothing beyond the shared view


def test_turning_sharing_off_takes_effect_at_once(client, candidate, recruiter):
    profile_sharing_set(user=candidate, share=True)
    url = shared_url(candidate)
    client.force_login(recruiter)
    assert client.get(url).status_code == 200
    client.force_login(candidate)
    response = client.post(reverse("profile-sharing-update"), {}, follow=True)
    assert "Recruiters can no longer see your profile" in response.content.decode()
    client.force_login(recruiter)
    assert client.get(url).status_code == 404


def test_only_recruiters_open_shared_profiles(client, candidate, other_candidate, reviewer):
    profile_sharing_set(user=candidate, share=True)
    url = shared_url(candidate)
    assert client.get(url).status_code == 302  # log in first
    for user in (other_candidate, reviewer):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.force_login(candidate)  # its owner, opening the address their sharing page gives, is shown it there
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == reverse("profile-sharing")


def test_unknown_or_malformed_public_ids_are_404(recruiter_client):
    assert recruiter_client.get(reverse("shared-profile", args=[uuid.uuid4()])).status_code == 404
    assert recruiter_client.get("/profiles/12/").status_code == 404


def test_every_view_is_logged_and_the_candidate_sees_who_and_when(client, candidate, recruiter):
    profile_sharing_set(user=candidate, share=True)
    client.force_login(recruiter)
    client.get(shared_url(candidate))
    client.get(shared_url(candidate))
    assert ProfileView.objects.filter(candidate=candidate, viewer=recruiter).count() == 2
    client.force_login(candidate)
    sharing = client.get(reverse("profile-sharing")).content.decode()
    assert sharing.count("Acme Analytics (rec)") == 2
    profile = client.get(reverse("profile")).content.decode()
    assert "Acme Analytics (rec)" in profile


def test_the_view_log_pages(client, candidate, recruiter):
    for _ in range(25):
        profile_view_record(candidate=candidate, viewer=recruiter)
    client.force_login(candidate)
    page = client.get(reverse("profile-sharing")).content.decode()
    assert "Page 1 of 2" in page


def test_public_ids_are_not_user_ids(candidate):
    profile = candidate_profile_ensure(candidate=candidate)
    assert str(candidate.pk) not in str(profile.public_id).split("-")
    assert isinstance(profile.public_id, uuid.UUID)


# ---------------------------------------------------------------------------------------------------------------
# Export and deletion


def test_export_downloads_everything_stored_about_the_candidate(candidate_client, candidate, recruiter):
    some_results(candidate)
    profile_view_record(candidate=candidate, viewer=recruiter)
    response = candidate_client.get(reverse("profile-export"))
    assert response["Content-Disposition"] == 'attachment; filename="mlassess-cand.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "cand@example.com"
    assert len(data["answers"]) == 4 and {a["question"] for a in data["answers"]} >= {"fraud-threshold"}
    assert data["answers"][-1]["answer"] == "My considered answer."
    assert data["submissions"][0]["code"].startswith("def f()") and data["submissions"][0]["grades"]
    assert "details" not in data["submissions"][0]["grades"][0]  # hidden cases stay with the grader
    assert {row["topic"] for row in data["topic_mastery"]} >= {"regularisation", "cross-validation"}
    assert data["profile_views"][0]["viewer"] == "rec"
    assert "password" not in json.dumps(data["account"])


def test_deleting_needs_the_password_and_the_confirmation(candidate_client, candidate):
    some_results(candidate)
    response = candidate_client.post(reverse("account-delete"), {"password": "wrong", "confirm": "on"})
    assert "That is not your password" in response.content.decode()
    response = candidate_client.post(reverse("account-delete"), {"password": PASSWORD})
    assert "This field is required" in response.content.decode()
    assert User.objects.filter(pk=candidate.pk).exists() and Attempt.objects.filter(candidate=candidate).count() == 4


def test_deleting_removes_the_account_and_keeps_anonymous_question_statistics(candidate_client, candidate, recruiter):
    some_results(candidate)
    review(Attempt.objects.get(candidate=candidate, question__slug="fraud-threshold"), 4.0)
    profile_view_record(candidate=candidate, viewer=recruiter)
    response = candidate_client.post(reverse("account-delete"), {"password": PASSWORD, "confirm": "on"}, follow=True)
    assert "Your account and everything stored about you have been deleted" in response.content.decode()
    assert not User.objects.filter(username="cand").exists()
    assert not Attempt.objects.exists() and not Submission.objects.exists()
    assert not CandidateProfile.objects.exists() and not ProfileView.objects.exists()
    stats = {s.question.slug: s for s in DeletedAccountResults.objects.select_related("question")}
    assert (stats["l1-zeroes-weights"].answers, stats["l1-zeroes-weights"].full_marks) == (1, 1)
    assert (stats["k-fold"].submissions, stats["k-fold"].graded, stats["k-fold"].fraction_sum) == (1, 1, pytest.approx(0.2))
    assert stats["fraud-threshold"].full_marks == 1
    assert candidate_client.get(reverse("profile")).status_code == 302  # logged out


def test_deleting_waits_while_code_is_being_graded(candidate_client, candidate):
    submission(candidate, "k-fold")  # queued
    response = candidate_client.post(reverse("account-delete"), {"password": PASSWORD, "confirm": "on"})
    assert "still being graded" in response.content.decode()
    assert User.objects.filter(pk=candidate.pk).exists()


# ---------------------------------------------------------------------------------------------------------------
# Query counts do not grow with the amount of data


def lots_of_results(candidate):
    for slug in ["l1-zeroes-weights", "regularisation-strength", "kfold-benefits", "dot-product", "what-smote-does"]:
        for right in (False, True, True):
            answer(candidate, slug, right=right)
    for slug in ["k-fold", "f1-score", "imbalanced-classifier"]:
        for fraction in (0.1, 0.7):
            graded(submission(candidate, slug), fraction)
        graded(submission(candidate, slug, kind=SubmissionKind.EXAMPLES), 1.0)
    for slug in ["fraud-threshold", "frame-churn-problem"]:
        review(free_text(candidate, slug), 2.0)
        free_text(candidate, slug)


@pytest.mark.parametrize("name, query", [
    ("roadmap", {}), ("profile", {}), ("history", {}), ("history", {"topic": "regularisation", "result": "full"}),
    ("profile-sharing", {}), ("profile-export", {}),
])
def test_query_count_is_constant_in_the_amount_of_data(client, candidate, recruiter, name, query, django_assert_max_num_queries):
    client.force_login(candidate)
    answer(candidate, "l1-zeroes-weights", right=True)
    profile_view_record(candidate=candidate, viewer=recruiter)
    client.get(reverse(name), query)  # first visit creates the profile row
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(name), query).status_code == 200
    lots_of_results(candidate)
    for _ in range(30):
        profile_view_record(candidate=candidate, viewer=recruiter)
    with django_assert_max_num_queries(len(few)):
        assert client.get(reverse(name), query).status_code == 200


def test_the_recruiters_page_query_count_is_constant(client, candidate, recruiter, django_assert_max_num_queries):
    profile_sharing_set(user=candidate, share=True)
    answer(candidate, "l1-zeroes-weights", right=True)
    client.force_login(recruiter)
    with CaptureQueriesContext(connection) as few:
        client.get(shared_url(candidate))
    lots_of_results(candidate)
    with django_assert_max_num_queries(len(few)):
        assert client.get(shared_url(candidate)).status_code == 200
