"""The code editor page and the live result, through the real URLs."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from grader.models import Submission

pytestmark = pytest.mark.django_db
SOLUTION = (Path(settings.BANK_DIR) / "core-ml" / "k-fold" / "solution.py").read_text()


def test_editor_shows_prompt_starter_and_allowed_packages(candidate_client):
    page = candidate_client.get(reverse("code-task", args=["k-fold"])).content.decode()
    assert "def k_fold_split(n_samples, n_splits=5, *, shuffle=False, random_state=None):" in page
    assert "Run examples" in page and "Submit" in page
    assert "may import numpy and the Python standard library" in page


def test_question_links_to_code_tasks_lead_to_the_editor(candidate_client):
    response = candidate_client.get(reverse("question", args=["k-fold"]))
    assert response.status_code == 302 and response["Location"] == reverse("code-task", args=["k-fold"])


def test_submit_then_watch_the_verdict_arrive(candidate_client, eager_celery, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = candidate_client.post(reverse("code-task", args=["k-fold"]), {"code": SOLUTION, "kind": "submit"})
    submission = Submission.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("submission-detail", args=[submission.pk])
    page = candidate_client.get(response["Location"]).content.decode()
    assert "Accepted" in page and "10 / 10 points" in page
    assert "unshuffled" in page  # per-category results of the hidden cases


def test_htmx_submit_returns_a_result_panel_that_polls_until_done(candidate_client):
    response = candidate_client.post(
        reverse("code-task", args=["k-fold"]), {"code": SOLUTION, "kind": "submit"}, HTTP_HX_REQUEST="true"
    )
    panel = response.content.decode()
    submission = Submission.objects.get()
    assert "<html" not in panel  # a fragment, not a page
    assert f'hx-get="{reverse("submission-detail", args=[submission.pk])}"' in panel
    assert "Queued" in panel


def test_reloading_the_task_while_it_is_graded_keeps_following_the_submission(candidate_client):
    candidate_client.post(reverse("code-task", args=["k-fold"]), {"code": SOLUTION, "kind": "submit"}, HTTP_HX_REQUEST="true")
    submission = Submission.objects.get()
    page = candidate_client.get(reverse("code-task", args=["k-fold"])).content.decode()
    assert f'hx-get="{reverse("submission-detail", args=[submission.pk])}"' in page  # the panel, polling
    Submission.objects.update(status="graded", verdict="accepted", score=10, passed=1, total=1)
    page = candidate_client.get(reverse("code-task", args=["k-fold"])).content.decode()
    assert f'id="submission-{submission.pk}"' not in page  # done: the list shows it, the panel is free


def test_empty_code_shows_an_error_and_stores_nothing(candidate_client):
    response = candidate_client.post(reverse("code-task", args=["k-fold"]), {"code": "", "kind": "submit"})
    assert b"Write some code" in response.content
    assert not Submission.objects.exists()


def test_another_candidates_submission_is_a_404(client, candidate, other_candidate):
    from grader.services import submit
    from questions.models import Question

    submission = submit(candidate=other_candidate, question=Question.objects.get(slug="k-fold"), code=SOLUTION)
    client.force_login(candidate)
    assert client.get(reverse("submission-detail", args=[submission.pk])).status_code == 404


@pytest.mark.parametrize("role", ["reviewer", "recruiter", "author"])
def test_other_roles_cannot_submit_code(request, client, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("code-task", args=["k-fold"]), {"code": SOLUTION, "kind": "submit"})
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_unknown_task_is_a_404(candidate_client):
    assert candidate_client.get(reverse("code-task", args=["no-such-task"])).status_code == 404


def test_a_candidate_submitting_in_a_loop_is_told_when_to_try_again(candidate_client, candidate):
    from grader import services
    from questions.models import Question

    kfold = Question.objects.get(slug="k-fold")
    for i in range(services.RATE_LIMIT):  # a minute's worth of runs, all graded already
        Submission.objects.create(candidate=candidate, question=kfold, version=kfold.current_version, code=f"x = {i}",
                                  max_score=10, status="graded")
    response = candidate_client.post(
        reverse("code-task", args=["k-fold"]), {"code": SOLUTION, "kind": "submit"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Try again in" in response.content.decode()
    assert Submission.objects.count() == services.RATE_LIMIT  # nothing new stored
