"""The reviewer's journey in a real browser: the queue, a rubric grade, an override with a reason, an appeal and
its outcome on the candidate's side, the trail of every step, and a late save after a claim ran out."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Role
from reviews.models import ReviewItem
from tests.browser.conftest import log_in, make_user, shot
from tests.profiles.helpers import answer, free_text, graded, submission

FREE = "test-set-after-tuning"


def test_a_reviewer_clears_the_queue_and_the_candidate_appeals(page, live_server, browser):
    ada = make_user("ada")
    make_user("rosa", Role.REVIEWER)
    attempt = free_text(ada, FREE)
    sub = graded(submission(ada, "k-fold"), 1.0)
    rubric = attempt.version.spec["rubric"]

    # The reviewer lands on the queue, takes the next free-text answer and grades it with the rubric.
    log_in(page, live_server, "rosa")
    expect(page).to_have_url(f"{live_server.url}/reviewer/")
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    expect(page.get_by_text("ada")).to_have_count(0)  # blind
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    shot(page, "reviews-dashboard-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Grade next").click()
    expect(page.get_by_text("My considered answer.")).to_be_visible()
    expect(page.get_by_text("Reference answer")).to_be_visible()
    page.get_by_role("checkbox", name=rubric[0]["criterion"]).check()
    page.get_by_label(f"Comment on {rubric[0]['criterion']}").fill("Clearly stated.")
    page.get_by_label(f"Points for {rubric[1]['criterion']}").fill(str(rubric[1]["points"] - 0.5) if rubric[1]["points"] >= 1 else "0")
    page.get_by_label("Overall comment (shown to the candidate)").fill("A good answer; say more about leakage.")
    # First a score beyond a criterion's points: the browser refuses to send it (the server refuses it too,
    # tests/reviews/test_pages.py), and nothing typed is lost.
    too_many = page.get_by_label(f"Points for {rubric[0]['criterion']}")
    too_many.fill(str(rubric[0]["points"] + 3))
    page.get_by_role("button", name="Save grade").click()
    assert too_many.evaluate("el => el.validity.rangeOverflow")
    expect(page.get_by_label("Overall comment (shown to the candidate)")).to_have_value("A good answer; say more about leakage.")
    shot(page, "reviews-grade-with-rubric")
    page.set_viewport_size({"width": 390, "height": 844})  # on a phone: one criterion a block, its fields below it
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    shot(page, "reviews-grade-with-rubric-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label(f"Points for {rubric[0]['criterion']}").fill("")
    page.get_by_role("button", name="Save grade").click()
    expected = rubric[0]["points"] + max(0, rubric[1]["points"] - 0.5)
    expect(page.get_by_text(f"Saved: {expected:g} / {attempt.max_score:g}.")).to_be_visible()

    # An override of a code verdict, with a reason.
    page.get_by_role("link", name="Automatic grades").click()
    page.get_by_role("row", name=f"code submission #{sub.pk}").get_by_role("link", name="Override").click()
    page.get_by_label("New score").fill("1")
    page.get_by_role("button", name="Override the grade").click()  # without a reason: not sent
    assert page.get_by_label("Reason (required, kept in the trail)").evaluate("el => el.validity.valueMissing")
    page.get_by_label("Reason (required, kept in the trail)").fill("The folds are hard-coded for n=10")
    page.get_by_label("Comment for the candidate").fill("Compute the folds from n.")
    page.get_by_role("button", name="Override the grade").click()
    expect(page.get_by_role("heading", name="Grading trail")).to_be_visible()
    expect(page.get_by_role("cell", name="The folds are hard-coded for n=10")).to_be_visible()
    expect(page.get_by_role("cell", name="Automatic", exact=True)).to_be_visible()
    shot(page, "reviews-trail-after-override")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    shot(page, "reviews-trail-after-override-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    # The candidate sees the grade, the feedback and that a reviewer graded it; then appeals the code grade.
    candidate_context = browser.new_context(viewport={"width": 1280, "height": 900})
    cpage = candidate_context.new_page()
    log_in(cpage, live_server, "ada")
    expect(cpage.locator(".unread-count")).to_have_text("2")
    cpage.get_by_role("link", name="Notifications").click()
    cpage.get_by_role("link", name="A reviewer graded your answer").click()
    expect(cpage.get_by_role("heading", name="Graded by a reviewer")).to_be_visible()
    expect(cpage.locator(".unread-count")).to_have_text("1")  # the one opened is read, the other is not
    expect(cpage.get_by_text("Clearly stated.")).to_be_visible()
    expect(cpage.get_by_text("rosa")).to_have_count(0)
    shot(cpage, "reviews-candidate-sees-grade")
    cpage.goto(f"{live_server.url}/submissions/{sub.pk}/")
    expect(cpage.get_by_text("Compute the folds from n.")).to_be_visible()
    cpage.locator("summary", has_text="Ask for a review").click()
    cpage.get_by_label("Why should a reviewer look again?").fill("My folds do depend on n: see line 3.")
    cpage.get_by_role("button", name="Ask for a review").click()
    expect(cpage.get_by_text("You will be notified of the outcome")).to_be_visible()
    expect(cpage.get_by_text("Waiting for a reviewer")).to_be_visible()

    # The reviewer answers the appeal from the queue.
    page.goto(f"{live_server.url}/reviewer/")
    page.get_by_role("row", name="k-fold").get_by_role("button", name="Grade next").click()
    expect(page.get_by_text("My folds do depend on n: see line 3.")).to_be_visible()
    page.get_by_label("Score").fill(str(sub.max_score))
    page.get_by_label("Overall comment (shown to the candidate)").fill("You are right: restored.")
    page.get_by_role("button", name="Save grade").click()

    cpage.reload()
    expect(cpage.get_by_text("Grade changed")).to_be_visible()
    expect(cpage.locator(".appeals")).to_contain_text("You are right: restored.")
    shot(cpage, "reviews-candidate-sees-appeal-outcome")

    # The trail shows every step: automatic, override, appeal.
    page.goto(f"{live_server.url}/reviewer/submission/{sub.pk}/trail/")
    for source in ("Automatic", "Override", "Appeal"):
        expect(page.get_by_role("cell", name=source, exact=True)).to_be_visible()
    candidate_context.close()


def test_a_reviewer_whose_claim_ran_out_is_told_another_reviewer_graded_it(page, live_server, browser):
    ada = make_user("ada")
    make_user("rosa", Role.REVIEWER)
    make_user("otto", Role.REVIEWER)
    free_text(ada, FREE)
    answer(ada, "l1-zeroes-weights", right=True)

    log_in(page, live_server, "rosa")
    page.get_by_role("button", name="Grade next").click()
    expect(page.get_by_role("button", name="Save grade")).to_be_visible()
    ReviewItem.objects.update(claim_expires_at=timezone.now() - timedelta(seconds=1))

    other = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(other, live_server, "otto")
    other.get_by_role("button", name="Grade next").click()
    other.get_by_label("Overall comment (shown to the candidate)").fill("Otto's grade")
    other.get_by_role("button", name="Save grade").click()  # nothing ticked: a 0 is confirmed first
    expect(other.get_by_text("this grade would be 0")).to_be_visible()
    expect(other.get_by_label("Overall comment (shown to the candidate)")).to_have_value("Otto's grade")
    other.get_by_role("checkbox", name="Yes, this answer earns 0 points").check()
    other.get_by_role("button", name="Save grade").click()
    expect(other.get_by_text("Saved: 0 /")).to_be_visible()

    page.get_by_label("Overall comment (shown to the candidate)").fill("Rosa's late grade")
    page.get_by_role("button", name="Save grade").click()
    expect(page.get_by_text("already graded by another reviewer")).to_be_visible()
    shot(page, "reviews-late-save")
    other.context.close()


def test_a_reviewer_sees_a_choice_or_numeric_answer_as_the_candidate_saw_it(page, live_server):
    ada = make_user("ada")
    make_user("rosa", Role.REVIEWER)
    choice = answer(ada, "l1-zeroes-weights", right=False)
    numeric = answer(ada, "precision-from-confusion-matrix", right=False)
    options = choice.version.spec["options"]
    chosen = next(o for o in options if o["key"] == choice.answer)
    right = next(o for o in options if o["correct"])

    log_in(page, live_server, "rosa")
    page.goto(live_server.url + reverse("grade-override", args=["answer", choice.pk]))
    expect(page.locator("li.chosen")).to_contain_text(f"{chosen['text']} (chosen)")
    expect(page.locator("li.correct")).to_contain_text(f"{right['text']} ✓ correct")
    expect(page.get_by_text("ada")).to_have_count(0)  # still blind
    shot(page, "reviews-override-choice")

    page.goto(live_server.url + reverse("grade-override", args=["answer", numeric.pk]))
    prompt = page.locator("article.prompt")
    for value in numeric.variant.values():
        expect(prompt).to_contain_text(str(value))
    expect(prompt).not_to_contain_text("{{")
    expect(page.get_by_text("the expected answer for these numbers is")).to_be_visible()
    shot(page, "reviews-override-numeric")
    page.set_viewport_size({"width": 390, "height": 844})
    wide = page.evaluate("""[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)
                            .map(e => e.tagName + '.' + e.className + ':' + e.textContent.slice(0, 40)).slice(0, 8)""")
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0, wide
    shot(page, "reviews-override-numeric-390")
