"""The candidate's pages, through the real URLs, as a logged-in user would use them."""

import re

import pytest
from django.urls import reverse

from accounts.models import User
from questions import variants
from questions.models import Attempt, Question

pytestmark = pytest.mark.django_db


def test_sign_up_then_answer_then_see_progress(client):
    response = client.post(
        reverse("account_signup"),
        {"username": "ada", "email": "ada@example.com", "password1": "Lovelace-1843!", "password2": "Lovelace-1843!"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("roadmap")
    ada = User.objects.get(username="ada")
    assert ada.is_candidate and not ada.share_profile  # sharing is off by default

    question = Question.objects.get(slug="l1-zeroes-weights")
    right = _right_token(ada, question)
    response = client.post(reverse("question", args=[question.slug]), {"answer": right}, follow=True)
    assert b"1 / 1 points" in response.content
    assert b"Explanation" in response.content  # shown after answering

    roadmap = client.get(reverse("roadmap")).content.decode()
    assert re.search(r"1 of \d+ solved", roadmap)


def test_sign_up_with_missing_fields_shows_errors_and_creates_nothing(client):
    response = client.post(reverse("account_signup"), {"username": "ada"})
    assert response.status_code == 200
    assert b"This field is required" in response.content
    assert not User.objects.filter(username="ada").exists()


def test_sign_up_cannot_make_anyone_but_a_candidate(client):
    client.post(
        reverse("account_signup"),
        {"username": "bo", "email": "bo@example.com", "password1": "Lovelace-1843!", "password2": "Lovelace-1843!",
         "role": "author", "is_staff": "on", "is_superuser": "on", "share_profile": "on"},
    )
    bo = User.objects.get(username="bo")
    assert (bo.role, bo.is_staff, bo.is_superuser, bo.share_profile) == ("candidate", False, False, False)


def test_sharing_can_be_turned_off_again(candidate_client, candidate):
    candidate.share_profile = True
    candidate.save()
    candidate_client.post(reverse("sharing-update"), {})
    candidate.refresh_from_db()
    assert not candidate.share_profile


def test_roadmap_shows_all_six_stages(candidate_client):
    page = candidate_client.get(reverse("roadmap")).content.decode()
    for title in ["Foundations", "Core ML", "Data and features", "Deep learning", "MLOps", "Capstone"]:
        assert title in page


def test_stage_page_filters_by_topic(candidate_client):
    page = candidate_client.get(reverse("stage", args=["core-ml"]), {"topic": "regularisation"}).content.decode()
    assert "Which penalty zeroes weights?" in page
    assert "Bagging or boosting?" not in page


def test_stage_page_shows_status(candidate_client, candidate):
    question = Question.objects.get(slug="l1-zeroes-weights")
    candidate_client.post(reverse("question", args=[question.slug]), {"answer": _right_token(candidate, question)})
    page = candidate_client.get(reverse("stage", args=["core-ml"])).content.decode()
    assert "Solved" in page and "Not started" in page


def test_unknown_stage_topic_or_question_is_a_clear_404(candidate_client):
    for url in [reverse("stage", args=["nope"]), reverse("stage", args=["core-ml"]) + "?topic=nope", reverse("question", args=["nope"])]:
        response = candidate_client.get(url)
        assert response.status_code == 404
    response = candidate_client.post(reverse("question", args=["does-not-exist"]), {"answer": "a"})
    assert response.status_code == 404
    assert b"no question called" in response.content


def test_an_address_that_matches_nothing_is_a_plain_404_page_or_json_under_the_api(client):
    response = client.get("/nope-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "There is nothing at /nope-page/" in page and "Resolver404" not in page
    for url in ("/api/v1/nope/", "/api/v1/candidates/not-a-uuid/"):
        response = client.get(url)
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_empty_answer_shows_the_form_again_with_an_error(candidate_client):
    response = candidate_client.post(reverse("question", args=["l1-zeroes-weights"]), {})
    assert response.status_code == 200
    assert b"Choose one of the options" in response.content
    assert not Attempt.objects.exists()


def test_invalid_option_is_refused(candidate_client):
    response = candidate_client.post(reverse("question", args=["l1-zeroes-weights"]), {"answer": "zz"})
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content


def test_a_free_text_answer_over_the_limit_is_refused_with_its_text_kept(candidate_client):
    page = candidate_client.get(reverse("question", args=["fraud-threshold"])).content.decode()
    assert "maxlength" not in page and "Up to 10,000 characters." in page  # the browser would cut a paste silently
    long_answer = "Use the costs. " + "x" * 12_000
    response = candidate_client.post(reverse("question", args=["fraud-threshold"]), {"answer": long_answer})
    text = response.content.decode()
    assert "Keep your answer to 10000 characters; it has 12015." in text and long_answer in text
    assert not Attempt.objects.exists()


def _right_token(candidate, question):
    right = next(o["key"] for o in question.current_version.spec["options"] if o["correct"])
    return variants.option_token(candidate.pk, question.slug, right)


@pytest.mark.parametrize("slug", ["l1-zeroes-weights", "vanishing-gradients-remedies"])
def test_a_choice_form_does_not_give_the_right_option_away(candidate_client, candidate, other_candidate, slug):
    # The bank lists the right options first (keys a, b, ...): the form sends each candidate's own tokens instead.
    question = Question.objects.get(slug=slug)
    options = question.current_version.spec["options"]
    page = candidate_client.get(reverse("question", args=[slug])).content.decode()
    values = re.findall(r'name="answer" value="([^"]*)"', page)
    assert len(values) == len(options)
    assert not set(values) & {o["key"] for o in options}
    assert sorted(values) == sorted(variants.option_token(candidate.pk, slug, o["key"]) for o in options)
    assert not set(values) & {variants.option_token(other_candidate.pk, slug, o["key"]) for o in options}
    response = candidate_client.post(reverse("question", args=[slug]), {"answer": "a"})
    assert b"Select a valid choice" in response.content and not Attempt.objects.exists()
    right = [variants.option_token(candidate.pk, slug, o["key"]) for o in options if o["correct"]]
    candidate_client.post(reverse("question", args=[slug]), {"answer": right})
    assert Attempt.objects.get(candidate=candidate).score == question.current_version.points


def test_numeric_page_shows_the_candidates_numbers_and_grades_them(candidate_client, candidate):
    question = Question.objects.get(slug="f1-from-confusion-matrix")
    params, expected = variants.numeric_variant(question.current_version.spec, candidate_id=candidate.pk, question_slug=question.slug)
    page = candidate_client.get(reverse("question", args=[question.slug])).content.decode()
    assert f"<strong>{params['tp']}</strong> true positives" in page
    assert "within ±0.001" in page
    response = candidate_client.post(reverse("question", args=[question.slug]), {"answer": "0.5" if abs(expected - 0.5) > 0.01 else "0.9"}, follow=True)
    assert b"0 / 3 points" in response.content
    assert f"the answer is {expected:.6g}".encode() in response.content


def test_numeric_garbage_is_refused(candidate_client):
    response = candidate_client.post(reverse("question", args=["f1-from-confusion-matrix"]), {"answer": "lots"})
    assert b"Enter a number" in response.content


def test_multiple_choice_page_states_the_partial_credit_rule(candidate_client):
    page = candidate_client.get(reverse("question", args=["kfold-benefits"])).content.decode()
    assert "Partial credit" in page


def test_free_text_shows_the_reference_after_submitting(candidate_client):
    response = candidate_client.post(reverse("question", args=["fraud-threshold"]), {"answer": "Use the costs."}, follow=True)
    page = response.content.decode()
    assert "awaiting review" in page
    assert "Reference answer" in page and "50·FN" in page
    # The roadmap counts it where it belongs: not graded, so not "started", but waiting for a reviewer.
    roadmap = candidate_client.get(reverse("roadmap")).content.decode()
    stage = roadmap[roadmap.index("Data and features"):]
    assert re.search(r"0 graded ·\s+1 awaiting a reviewer", stage[:stage.index("</li>")])


def test_history_lists_attempts_and_pages(candidate_client, candidate):
    question = Question.objects.get(slug="l1-zeroes-weights")
    for _ in range(25):
        candidate_client.post(reverse("question", args=[question.slug]), {"answer": _right_token(candidate, question)})
    first = candidate_client.get(reverse("history")).content.decode()
    assert "Page 1 of 2" in first
    assert candidate_client.get(reverse("history"), {"page": 2}).status_code == 200
    assert candidate_client.get(reverse("history"), {"page": "junk"}).status_code == 200


def test_a_candidate_cannot_open_another_candidates_attempt(client, candidate, other_candidate):
    question = Question.objects.get(slug="l1-zeroes-weights")
    from questions.services import answer_submit

    attempt = answer_submit(candidate=other_candidate, question=question, raw_answer="a")
    client.force_login(candidate)
    assert client.get(reverse("attempt-detail", args=[attempt.pk])).status_code == 404


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(reverse("roadmap"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["reviewer", "recruiter", "author"])
def test_other_roles_cannot_answer_questions(request, client, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("roadmap")).status_code == 403
    response = client.post(reverse("question", args=["l1-zeroes-weights"]), {"answer": "a"})
    assert response.status_code == 403
    assert not Attempt.objects.exists()


def test_only_authors_reach_the_admin(client, candidate, reviewer, recruiter, author):
    for user in (candidate, reviewer, recruiter):
        client.force_login(user)
        assert client.get("/admin/").status_code == 302  # to the admin login: not staff
    client.force_login(author)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/questions/question/").status_code == 200


def test_login_page_and_logout(client, candidate):
    assert client.get(reverse("account_login")).status_code == 200
    response = client.post(reverse("account_login"), {"login": "cand", "password": "a-long-test-password-1"})
    assert response.status_code == 302
    assert client.post(reverse("account_logout")).status_code == 302
    assert client.get(reverse("roadmap")).status_code == 302
