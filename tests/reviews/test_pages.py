"""The reviewer's pages and the candidate's side, through real URLs and permissions."""

import re

import pytest
from django.urls import reverse

from reviews.models import Appeal, GradeRecord, Notification, ReviewItem, ReviewKind
from tests.profiles import helpers
from tests.reviews.test_services import CHOICE, FREE

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


def _claim(client, attempt):
    response = client.post(reverse("review-next", args=[attempt.question.slug]))
    assert response.status_code == 302
    return response["Location"]


def test_the_dashboard_lists_waiting_questions_and_grade_next_claims(reviewer_client, candidate):
    attempt = helpers.free_text(candidate, FREE)
    page = reviewer_client.get(reverse("reviewer-home")).content.decode()
    assert attempt.version.title in page and "Grade next" in page
    url = _claim(reviewer_client, attempt)
    item = ReviewItem.objects.get(attempt=attempt)
    assert url == reverse("review-item", args=[item.pk])
    page = reviewer_client.get(url).content.decode()
    assert "My considered answer." in page and attempt.version.spec["rubric"][0]["criterion"] in page
    assert "Reference answer" in page


def test_reviewer_pages_are_blind(reviewer_client, candidate):
    candidate.first_name, candidate.last_name = "Ada", "Lovelace"
    candidate.save()
    attempt = helpers.free_text(candidate, FREE)
    sub = helpers.graded(helpers.submission(candidate, "k-fold"), 1)
    pages = [reviewer_client.get(reverse("reviewer-home")), reviewer_client.get(_claim(reviewer_client, attempt)),
             reviewer_client.get(reverse("auto-graded")),
             reviewer_client.get(reverse("grade-override", args=["submission", sub.pk])),
             reviewer_client.get(reverse("grade-trail", args=["submission", sub.pk]))]
    for response in pages:
        assert response.status_code == 200
        text = response.content.decode()
        for secret in (candidate.email, "Lovelace", "Ada", f">{candidate.username}<", f" {candidate.username} "):
            assert secret not in text


def test_saving_a_rubric_grade_and_a_bad_score_keeps_the_input(reviewer_client, candidate):
    attempt = helpers.free_text(candidate, FREE)
    url = _claim(reviewer_client, attempt)
    rubric = attempt.version.spec["rubric"]
    bad = {"tick_0": "on", "awarded_0": str(rubric[0]["points"] + 5), "comment_0": "keep me", "overall": "Keep this too"}
    response = reviewer_client.post(url, bad)
    assert response.status_code == 200
    text = response.content.decode()
    assert f"At most {rubric[0]['points']} points" in text and "keep me" in text and "Keep this too" in text
    assert not GradeRecord.objects.filter(attempt=attempt).exists()
    good = {"tick_0": "on", "comment_0": "clear", "overall": "Solid", "save": ""}
    response = reviewer_client.post(url, good)
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == rubric[0]["points"]


def test_a_grade_of_nothing_ticked_asks_for_confirmation_and_quarter_points_are_taken(reviewer_client, candidate):
    attempt = helpers.free_text(candidate, FREE)
    url = _claim(reviewer_client, attempt)
    page = reviewer_client.get(url).content.decode()
    assert 'step="any"' in page and "earns 0 points" not in page  # (the browser would refuse 0.25 with a step of 0.5)
    response = reviewer_client.post(url, {"overall": "Kept", "comment_0": "kept too", "save": ""})
    assert response.status_code == 200
    text = response.content.decode()
    assert "this grade would be 0" in text and "Yes, this answer earns 0 points" in text
    assert "Kept" in text and "kept too" in text
    assert not GradeRecord.objects.filter(attempt=attempt).exists()
    response = reviewer_client.post(url, {"overall": "Kept", "confirm_zero": "on", "save": ""})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 0


def test_a_fraction_of_a_criterion_is_saved(reviewer_client, candidate):
    attempt = helpers.free_text(candidate, FREE)
    url = _claim(reviewer_client, attempt)
    response = reviewer_client.post(url, {"awarded_0": "0.25", "overall": "Partly", "save": ""})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 0.25


def test_a_late_save_says_another_reviewer_graded_it(client, reviewer, second_reviewer, candidate):
    attempt = helpers.free_text(candidate, FREE)
    client.force_login(reviewer)
    url = _claim(client, attempt)
    ReviewItem.objects.update(claim_expires_at="2000-01-01T00:00:00Z", claimed_by=second_reviewer)
    item = ReviewItem.objects.get()
    from reviews import services

    services.review_grade_save(reviewer=second_reviewer, item_id=item.pk, score=1)
    response = client.post(url, {"tick_0": "on", "overall": "mine"}, follow=True)
    assert "already graded by another reviewer" in response.content.decode()
    assert GradeRecord.objects.filter(attempt=attempt, source="reviewer").count() == 1


def test_a_reviewer_sees_a_choice_or_numeric_answer_as_the_candidate_saw_it(reviewer_client, candidate):
    choice = helpers.answer(candidate, CHOICE, right=False)
    page = reviewer_client.get(reverse("grade-override", args=["answer", choice.pk])).content.decode()
    options = choice.version.spec["options"]
    chosen = next(o for o in options if o["key"] == choice.answer)
    right = next(o for o in options if o["correct"])
    assert re.search(rf"{re.escape(chosen['text'])}\s*<em>\(chosen\)</em>", page)
    assert re.search(rf"{re.escape(right['text'])}\s*<strong>✓ correct</strong>", page)

    numeric = helpers.answer(candidate, "precision-from-confusion-matrix", right=False)
    page = reviewer_client.get(reverse("grade-override", args=["answer", numeric.pk])).content.decode()
    assert "{{" not in page and numeric.variant and all(str(v) in page for v in numeric.variant.values())
    assert "the expected answer for these numbers is" in page


def test_an_override_needs_a_reason_and_shows_in_the_trail(reviewer_client, candidate):
    sub = helpers.graded(helpers.submission(candidate, "k-fold"), 1)
    url = reverse("grade-override", args=["submission", sub.pk])
    response = reviewer_client.post(url, {"score": "1", "reason": ""})
    assert "Give a reason" in response.content.decode()
    response = reviewer_client.post(url, {"score": str(sub.max_score + 1), "reason": "x"})
    assert "at most" in response.content.decode()
    response = reviewer_client.post(url, {"score": "1", "reason": "hard-coded outputs", "comment": "Do not hard-code."}, follow=True)
    page = response.content.decode()
    assert "hard-coded outputs" in page and "Override" in page and "Automatic" in page


def test_candidates_and_strangers_cannot_reach_reviewer_pages(client, candidate, recruiter):
    attempt = helpers.free_text(candidate, FREE)
    urls = [reverse("reviewer-home"), reverse("auto-graded"), reverse("grade-trail", args=["answer", attempt.pk]),
            reverse("grade-override", args=["answer", attempt.pk])]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login page
    for user in (candidate, recruiter):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403
        assert client.post(reverse("review-next", args=[FREE])).status_code == 403


def test_staff_see_the_trail(client, author, candidate):
    author.is_staff = True
    author.save()
    attempt = helpers.answer(candidate, CHOICE, right=True)
    client.force_login(author)
    assert "Automatic" in client.get(reverse("grade-trail", args=["answer", attempt.pk])).content.decode()


def test_an_item_claimed_by_another_reviewer_is_not_shown(client, reviewer, second_reviewer, candidate):
    attempt = helpers.free_text(candidate, FREE)
    client.force_login(reviewer)
    url = _claim(client, attempt)
    client.force_login(second_reviewer)
    assert client.get(url).status_code == 404


def test_a_reviewer_cannot_grade_an_item_they_did_not_take_from_the_queue(client, reviewer, second_reviewer,
                                                                          candidate):
    attempt = helpers.free_text(candidate, FREE)
    item = ReviewItem.objects.get(attempt=attempt)
    client.force_login(reviewer)
    url = reverse("review-item", args=[item.pk])
    for claimed_by, says in ((None, "not claimed by you"), (second_reviewer, "took this item")):
        ReviewItem.objects.filter(pk=item.pk).update(claimed_by=claimed_by, claim_expires_at="2000-01-01T00:00:00Z")
        response = client.post(url, {"tick_0": "on", "overall": "picked by id", "reason": "x"}, follow=True)
        assert says in response.content.decode()
        assert not GradeRecord.objects.filter(attempt=attempt, source="reviewer").exists()
        # Nor is the item shown back with the form's errors.
        response = client.post(url, {"awarded_0": "-1"})
        assert response.status_code == 302 and attempt.answer not in response.content.decode()
        assert ReviewItem.objects.get(pk=item.pk).done_at is None
    # Taken from the queue, the same form saves.
    assert _claim(client, attempt).endswith(url)
    client.post(url, {"tick_0": "on", "overall": "fine"})
    assert GradeRecord.objects.filter(attempt=attempt, source="reviewer", grader=reviewer).count() == 1


def test_the_candidate_sees_the_reviewers_grade_not_who(client, candidate, reviewer):
    attempt = helpers.free_text(candidate, FREE)
    client.force_login(reviewer)
    client.post(_claim(client, attempt), {"tick_0": "on", "comment_0": "Well argued", "overall": "Nice work"})
    client.force_login(candidate)
    page = client.get(reverse("attempt-detail", args=[attempt.pk])).content.decode()
    assert "Graded by a reviewer" in page and "Well argued" in page and "Nice work" in page
    assert reviewer.email not in page and f">{reviewer.username}<" not in page
    assert re.search(r'class="tag active unread-count">1<', page)  # notified in the app


def test_a_candidate_appeals_once_and_sees_the_outcome(client, candidate, reviewer):
    attempt = helpers.answer(candidate, CHOICE, right=False)
    client.force_login(candidate)
    page = client.get(reverse("attempt-detail", args=[attempt.pk])).content.decode()
    assert "Ask for a review" in page
    url = reverse("appeal-create", args=["answer", attempt.pk])
    response = client.post(url, {"reason": ""}, follow=True)
    assert "Say what you think is wrong" in response.content.decode()
    response = client.post(url, {"reason": "B is right too"}, follow=True)
    assert "You will be notified of the outcome" in response.content.decode() and Appeal.objects.count() == 1
    response = client.post(url, {"reason": "again"}, follow=True)
    assert "already asked" in response.content.decode() and Appeal.objects.count() == 1
    item = ReviewItem.objects.get(kind=ReviewKind.APPEAL)
    client.force_login(reviewer)
    item_url = _claim(client, attempt)
    assert item_url == reverse("review-item", args=[item.pk])
    assert "B is right too" in client.get(item_url).content.decode()
    assert "Write a reply" in client.post(item_url, {"score": "1", "overall": ""}).content.decode()
    client.post(item_url, {"score": str(attempt.max_score), "overall": "Agreed, B also holds."})
    client.force_login(candidate)
    page = client.get(reverse("attempt-detail", args=[attempt.pk])).content.decode()
    assert "Grade changed" in page and "Agreed, B also holds." in page
    notes = client.get(reverse("notifications")).content.decode()
    assert "changed your grade" in notes and "New:" in notes
    note = Notification.objects.get(user=candidate)
    assert note.read_at is None  # looking at the list reads nothing
    opened = client.get(reverse("notification-open", args=[note.pk]))
    assert opened.status_code == 302 and opened["Location"] == reverse("attempt-detail", args=[attempt.pk])
    note.refresh_from_db()
    assert note.read_at is not None and "New:" not in client.get(reverse("notifications")).content.decode()


def test_notifications_are_marked_read_by_asking_and_only_ones_own(client, candidate, other_candidate):
    from reviews.services import notification_send

    mine = [notification_send(user=candidate, text=f"Note {i}") for i in range(25)]
    theirs = notification_send(user=other_candidate, text="Theirs", url="/roadmap/")
    client.force_login(candidate)
    first = client.get(reverse("notifications")).content.decode()
    assert first.count("New:") == 20 and "Mark all read" in first and "Theirs" not in first
    assert client.get(reverse("notification-open", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("notifications-read")).status_code == 405  # a GET changes nothing
    response = client.post(reverse("notifications-read"), follow=True)
    assert "Marked 25 notifications read." in response.content.decode()
    assert not Notification.objects.filter(pk__in=[n.pk for n in mine], read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_a_candidate_at_the_days_limit_of_appeals_is_told_before_writing_one(client, candidate, settings):
    settings.REVIEW_APPEALS_PER_DAY = 1
    from reviews.services import appeal_create

    first, second = helpers.answer(candidate, CHOICE, right=False), helpers.answer(candidate, CHOICE, right=False)
    appeal_create(candidate=candidate, attempt=first, reason="please")
    client.force_login(candidate)
    page = client.get(reverse("attempt-detail", args=[second.pk])).content.decode()
    assert 'id="appeal-form"' not in page and "You can ask for 1 review a day" in page


def test_nobody_appeals_another_candidates_work(client, candidate, other_candidate):
    attempt = helpers.answer(candidate, CHOICE, right=False)
    client.force_login(other_candidate)
    assert client.post(reverse("appeal-create", args=["answer", attempt.pk]), {"reason": "x"}).status_code == 404
    assert not Appeal.objects.exists()


def test_a_candidate_appeals_a_code_submission(client, candidate):
    sub = helpers.graded(helpers.submission(candidate, "k-fold"), 0.5)
    client.force_login(candidate)
    assert "Ask for a review" in client.get(reverse("submission-detail", args=[sub.pk])).content.decode()
    client.post(reverse("appeal-create", args=["submission", sub.pk]), {"reason": "flaky case"})
    assert ReviewItem.objects.get(kind=ReviewKind.APPEAL).submission == sub


def test_lists_page(reviewer_client, candidate, settings):
    for _ in range(25):
        helpers.answer(candidate, CHOICE, right=True)
    page = reviewer_client.get(reverse("auto-graded")).content.decode()
    assert "Page 1 of 2" in page


def test_every_automatic_grade_is_reachable_not_only_the_newest_200(reviewer_client, candidate):
    from questions.models import Attempt

    oldest = helpers.answer(candidate, CHOICE, right=False)
    sub = helpers.graded(helpers.submission(candidate, "k-fold"), 1)
    Attempt.objects.bulk_create([Attempt(candidate=candidate, question=oldest.question, version=oldest.version,
                                         answer=oldest.answer, status="graded", score=1, max_score=oldest.max_score)
                                 for _ in range(218)])
    first = reviewer_client.get(reverse("auto-graded")).content.decode()
    assert "Page 1 of 11" in first  # 220 rows, 20 a page
    last = reviewer_client.get(reverse("auto-graded"), {"page": 11}).content.decode()
    assert f"answer #{oldest.pk}<" in last or f"code submission #{sub.pk}<" in last
    pages = "".join(reviewer_client.get(reverse("auto-graded"), {"page": n}).content.decode() for n in range(1, 12))
    assert f"answer #{oldest.pk}<" in pages and f"code submission #{sub.pk}<" in pages


def test_the_override_page_is_for_graded_work_and_a_free_text_answer_is_only_re_checked(
        reviewer_client, candidate, second_reviewer):
    from tests.reviews.test_services import grade_next

    graded = helpers.free_text(candidate, FREE)
    grade_next(second_reviewer, graded, score=1)
    waiting = helpers.free_text(candidate, FREE)  # in the queue: read and graded there, in its order
    url = reverse("grade-override", args=["answer", waiting.pk])
    assert reviewer_client.get(url).status_code == 404
    assert reviewer_client.post(url, {"score": "1", "reason": "x"}).status_code == 404
    trail = reviewer_client.get(reverse("grade-trail", args=["answer", waiting.pk])).content.decode()
    assert url not in trail
    url = reverse("grade-override", args=["answer", graded.pk])
    page = reviewer_client.get(url).content.decode()
    assert "Re-check a grade" in page and 'id="override-form"' not in page and "Queue for a re-check" in page
    response = reviewer_client.post(url, {"score": "0", "reason": "x"}, follow=True)
    assert "graded with the rubric, not overridden" in response.content.decode()
    graded.refresh_from_db()
    assert graded.score == 1


def test_a_second_grader_does_not_see_the_first_grade(client, settings, candidate, reviewer, second_reviewer):
    settings.REVIEW_SECOND_GRADE_SHARE = 1.0
    attempt = helpers.free_text(candidate, FREE)
    client.force_login(reviewer)
    client.post(_claim(client, attempt), {"tick_0": "on", "overall": "First reviewer's words"})
    client.force_login(second_reviewer)
    page = client.get(_claim(client, attempt)).content.decode()
    assert "Second grade" in page and "Current score" not in page and "First reviewer" not in page


def test_a_reviewer_queues_a_recheck_and_grades_it_with_a_reason(reviewer_client, candidate):
    attempt = helpers.answer(candidate, CHOICE, right=False)
    reviewer_client.post(reverse("recheck", args=["answer", attempt.pk]), {"note": "option wording is ambiguous"})
    again = reviewer_client.post(reverse("recheck", args=["answer", attempt.pk]), {"note": "again"}, follow=True)
    assert "already queued for a re-check" in again.content.decode()
    item = ReviewItem.objects.get(kind=ReviewKind.RECHECK, attempt=attempt)
    url = _claim(reviewer_client, attempt)
    assert "option wording is ambiguous" in reviewer_client.get(url).content.decode()
    refused = reviewer_client.post(url, {"score": "1"}).content.decode()
    assert "Say why the grade changes or stands" in refused and "Say why: the reply" not in refused
    reviewer_client.post(url, {"score": "1", "overall": "Both readings are fair."})
    attempt.refresh_from_db()
    assert attempt.score == 1 and ReviewItem.objects.get(pk=item.pk).done_at is not None


def test_the_data_export_holds_grades_appeals_and_notifications_but_not_who_graded(client, candidate):
    import json

    from accounts.models import Role
    from tests.conftest import make_account

    reviewer = make_account("zed-grader", Role.REVIEWER)
    attempt = helpers.answer(candidate, CHOICE, right=False)
    from reviews import services

    services.grade_override(reviewer=reviewer, attempt=attempt, score=attempt.max_score, reason="ambiguous wording")
    services.appeal_create(candidate=candidate, attempt=attempt, reason="thanks, but why?")
    client.force_login(candidate)
    data = json.loads(client.get(reverse("profile-export")).content)
    answer = next(a for a in data["answers"] if a["question"] == CHOICE)
    assert [g["source"] for g in answer["grades"]] == ["automatic", "override"]
    assert data["appeals"][0]["reason"] == "thanks, but why?" and len(data["notifications"]) == 1
    assert "zed-grader" not in json.dumps(data)
