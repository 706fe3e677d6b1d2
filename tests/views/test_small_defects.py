"""Smaller defects seen in the browser (issue 7): logout by GET, example runs in the lists, the empty editor."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import User
from grader.models import Submission, SubmissionKind, SubmissionStatus, Verdict
from questions.models import Question

pytestmark = pytest.mark.django_db


def test_logout_by_get_shows_a_page_with_a_log_out_button(candidate_client):
    response = candidate_client.get("/accounts/logout/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<form method="post" action="/accounts/logout/"' in page
    assert "Log out</button>" in page
    assert candidate_client.get(reverse("roadmap")).status_code == 200  # a GET logs nobody out
    candidate_client.post("/accounts/logout/")
    assert candidate_client.get(reverse("roadmap")).status_code == 302


def test_logout_page_for_someone_logged_out_leads_to_the_start(client):
    response = client.get("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/"


def test_the_code_editor_field_is_not_required_by_the_browser(candidate_client):
    """The textarea is hidden behind the editor: a `required` on it blocks the form without a word."""
    page = candidate_client.get(reverse("code-task", args=["k-fold"])).content.decode()
    textarea = page[page.index("<textarea"):page.index(">", page.index("<textarea"))]
    assert "required" not in textarea


def _graded(candidate, slug, kind, **fields) -> Submission:
    question = Question.objects.get(slug=slug)
    defaults = {"status": SubmissionStatus.GRADED, "verdict": Verdict.ACCEPTED, "score": 10.0, "passed": 3, "total": 3}
    return Submission.objects.create(
        candidate=candidate, question=question, version=question.current_version, kind=kind, code="x = 1",
        max_score=10.0, **{**defaults, **fields},
    )


def _row_of(page: str, submission: Submission) -> str:
    start = page.index(reverse("submission-detail", args=[submission.pk]))
    return page[start:page.index("</tr>", start)]


def test_example_runs_are_listed_as_runs_without_a_score(candidate_client, candidate):
    run = _graded(candidate, "k-fold", SubmissionKind.EXAMPLES)
    real = _graded(candidate, "k-fold", SubmissionKind.SUBMIT, score=7.5)
    for url in (reverse("code-task", args=["k-fold"]), reverse("history")):
        page = candidate_client.get(url).content.decode()
        run_row, real_row = _row_of(page, run), _row_of(page, real)
        assert "Example run" in run_row and "/ 10" not in run_row and "not scored" in run_row
        assert "7.50 / 10" in real_row


def test_the_submission_list_refreshes_itself_when_a_verdict_arrives(candidate_client, candidate):
    page = candidate_client.get(reverse("code-task", args=["k-fold"])).content.decode()
    assert 'id="your-submissions"' in page
    assert 'hx-trigger="submission-graded from:body"' in page
    queued = _graded(candidate, "k-fold", SubmissionKind.SUBMIT, status=SubmissionStatus.QUEUED, verdict="", score=None)
    url = reverse("submission-detail", args=[queued.pk])
    assert "HX-Trigger" not in candidate_client.get(url, HTTP_HX_REQUEST="true")
    Submission.objects.filter(pk=queued.pk).update(status=SubmissionStatus.GRADED, verdict=Verdict.ACCEPTED, score=10)
    assert "submission-graded" in candidate_client.get(url, HTTP_HX_REQUEST="true")["HX-Trigger"]


def test_an_example_run_never_labels_anything_hidden(candidate_client, candidate):
    feedback = {"message": "PR-AUC on the example split: 0.9.", "examples": [],
                "categories": [{"name": "example split", "passed": 1, "total": 1}]}
    run = _graded(candidate, "imbalanced-classifier", SubmissionKind.EXAMPLES, feedback=feedback, passed=1, total=1)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        page = candidate_client.get(reverse("submission-detail", args=[run.pk]), **headers).content.decode()
        text = re.sub(r"<[^>]*>", " ", page)  # what the candidate reads, not the markup
        assert "example split" in text
        assert "hidden" not in text.lower()


def test_a_submission_shows_its_hidden_cases_as_hidden(candidate_client, candidate):
    feedback = {"message": "", "examples": [], "categories": [{"name": "edge cases", "passed": 2, "total": 3}]}
    real = _graded(candidate, "k-fold", SubmissionKind.SUBMIT, feedback=feedback, passed=2, total=3, score=6.0)
    page = candidate_client.get(reverse("submission-detail", args=[real.pk])).content.decode()
    assert "Hidden cases" in page and "2 of 3 hidden cases passed" in page


def test_the_code_form_disables_its_buttons_while_a_request_is_in_flight(candidate_client):
    page = candidate_client.get(reverse("code-task", args=["k-fold"])).content.decode()
    assert 'hx-disabled-elt="find button"' in page


def test_load_demo_refuses_published_passwords_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--with-public-demo-passwords"):
        call_command("load_demo")
    assert not User.objects.filter(username="reviewer").exists()
    call_command("load_demo", "--with-public-demo-passwords")
    assert User.objects.filter(username="reviewer").exists()


def test_load_demo_runs_with_debug_on(settings):
    settings.DEBUG = True
    call_command("load_demo")
    assert User.objects.filter(username="candidate").exists()


def test_a_numeric_answer_with_a_comma_is_refused_on_the_page(candidate_client, candidate):
    response = candidate_client.post(reverse("question", args=["f1-from-confusion-matrix"]), {"answer": "12,928"})
    assert response.status_code == 200
    assert "Use a point for the decimal point" in response.content.decode()
    assert not candidate.attempts.exists()
