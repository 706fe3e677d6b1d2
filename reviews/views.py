"""Reviewer pages (the dashboard and queue, grading, overrides, the trail), the candidate's appeal, and
notifications. Thin: they call reviews.services and reviews.selectors. Reviewer pages are blind: they never
show the candidate's name, username or e-mail address."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.decorators import candidate_required, role_required
from accounts.models import Role
from grader.selectors import access_submission
from questions.selectors import access_attempt, question_get
from reviews import selectors, services
from reviews.forms import AppealForm, OverrideForm, RecheckForm, RubricGradeForm
from reviews.models import ReviewKind

PAGE_SIZE = 20
reviewer_required = role_required(Role.REVIEWER)


def trail_viewer_required(view):
    """Reviewers and staff see grading trails."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not selectors.may_see_trail(user=request.user):
            raise PermissionDenied("This page is for reviewer and staff accounts.")
        return view(request, *args, **kwargs)

    return wrapped


def _target_for_reviewer(kind: str, pk: int):
    if kind == "answer":
        return selectors.attempt_for_reviewer(attempt_id=pk)
    if kind == "submission":
        return selectors.submission_for_reviewer(submission_id=pk)
    raise Http404("No such kind of work.")


@reviewer_required
def dashboard(request):
    """The reviewer's home: the queue per question and the figures."""
    page = Paginator(selectors.queue_summary(reviewer=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reviews/dashboard.html", {
        "page": page, "figures": selectors.dashboard(), "is_lead": selectors.is_lead_reviewer(user=request.user),
        "claim_minutes": settings.REVIEW_CLAIM_MINUTES,
    })


@reviewer_required
@require_POST
def grade_next(request, slug):
    question = question_get(slug=slug)
    item = services.review_next_claim(reviewer=request.user, question=question)
    if item is None:
        messages.info(request, f"Nothing is waiting for you in “{question.current_version.title}”.")
        return redirect("reviewer-home")
    return redirect("review-item", item_id=item.pk)


def _grade_form(item, data=None):
    target = item.target
    # A second grade and a lead review are independent: the rubric comes without the earlier grades.
    return RubricGradeForm(data, rubric=selectors.rubric_of(target), max_score=target.max_score,
                           needs_reply=item.kind == ReviewKind.APPEAL, needs_reason=item.kind == ReviewKind.RECHECK)


@reviewer_required
def review_item(request, item_id):
    item = selectors.review_item_for_reviewer(reviewer=request.user, item_id=item_id, saving=request.method == "POST")
    if item.done_at is not None and request.method == "GET":
        messages.info(request, "You graded this item. Take the next one.")
        return redirect("reviewer-home")
    if request.method == "POST":  # nothing of an item that is not theirs is shown, not even a form with errors
        if (problem := services.review_claim_problem(item=item, reviewer=request.user)) is not None:
            messages.error(request, problem)
            return redirect("reviewer-home")
    form = _grade_form(item, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.rubric:
                score, criteria = services.rubric_score(rubric=form.rubric, marks=form.marks())
            else:
                score, criteria = form.cleaned_data["score"], []
            services.review_grade_save(reviewer=request.user, item_id=item.pk, score=score, criteria=criteria,
                                       overall=form.cleaned_data["overall"], reason=form.cleaned_data["reason"])
        except services.ReviewConflict as exc:
            messages.error(request, exc.messages[0])
            return redirect("reviewer-home")
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return redirect("reviewer-home")
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Saved: {score:g} / {item.target.max_score:g}.")
            if "next" in request.POST:
                return grade_next(request, item.question.slug)
            return redirect("reviewer-home")
    return render(request, "reviews/grade.html", {
        "item": item, "target": item.target, "form": form,
        # A second grade is blind to the first, and a lead's to both.
        "independent": item.kind in (ReviewKind.SECOND_GRADE, ReviewKind.LEAD),
    })


@reviewer_required
@require_POST
def review_release(request, item_id):
    services.review_item_release(reviewer=request.user, item_id=item_id)
    messages.info(request, "The item is back in the queue.")
    return redirect("reviewer-home")


@reviewer_required
def auto_graded(request):
    """Automatically graded work a reviewer may override or re-check, newest first."""
    slug = request.GET.get("question")
    question = question_get(slug=slug) if slug else None
    rows = selectors.auto_graded_list(reviewer=request.user, question=question)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reviews/auto_graded.html", {"page": page, "question": question})


@reviewer_required
def grade_override(request, kind, pk):
    target = _target_for_reviewer(kind, pk)
    if target.status != "graded":  # waiting for a grade: the queue's, taken in its order
        raise Http404("Not graded yet.")
    # A free-text answer's page offers only a re-check: it is graded with the rubric, not overridden.
    form = OverrideForm(request.POST if request.method == "POST" else None, max_score=target.max_score) if (
        selectors.overridable(target)) else None
    if request.method == "POST" and form is None:
        messages.error(request, "Free-text answers are graded with the rubric, not overridden: queue a re-check.")
        return redirect("grade-override", kind=kind, pk=pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.grade_override(reviewer=request.user, **{"attempt" if kind == "answer" else "submission": target},
                                    score=form.cleaned_data["score"], reason=form.cleaned_data["reason"],
                                    comment=form.cleaned_data["comment"])
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return redirect("auto-graded")
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "The grade is overridden; the automatic grade stays in the trail.")
            return redirect("grade-trail", kind=kind, pk=pk)
    return render(request, "reviews/override.html", {
        "target": target, "kind": kind, "form": form, "recheck_form": RecheckForm(),
        "trail": selectors.grade_trail(target),
    })


@reviewer_required
@require_POST
def recheck(request, kind, pk):
    target = _target_for_reviewer(kind, pk)
    form = RecheckForm(request.POST)
    if form.is_valid():
        try:
            services.recheck_request(reviewer=request.user, note=form.cleaned_data["note"],
                                     **{"attempt" if kind == "answer" else "submission": target})
        except (PermissionDenied, ValidationError) as exc:
            messages.error(request, exc.messages[0] if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, "Queued for a re-check.")
    return redirect("reviewer-home")


@trail_viewer_required
def grade_trail(request, kind, pk):
    target = _target_for_reviewer(kind, pk)
    page = Paginator(selectors.grade_trail(target), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reviews/trail.html", {"target": target, "kind": kind, "page": page,
                                                  "appeals": selectors.appeals_of(target)})


@candidate_required
@require_POST
def appeal_create(request, kind, pk):
    if kind == "answer":
        target, kwargs = access_attempt(user=request.user, attempt_id=pk), {}
        kwargs["attempt"] = target
    elif kind == "submission":
        target = access_submission(user=request.user, submission_id=pk)
        kwargs = {"submission": target}
    else:
        raise Http404("No such kind of work.")
    form = AppealForm(request.POST)
    if form.is_valid():
        try:
            services.appeal_create(candidate=request.user, reason=form.cleaned_data["reason"], **kwargs)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, "Your request is in the reviewers' queue. You will be notified of the outcome.")
    else:
        messages.error(request, form.errors["reason"][0])
    return redirect(selectors.result_url(target))


@login_required
def notifications(request):
    # Reading the list changes nothing (a GET; and page 2 is not read because page 1 was): a notification is
    # read when it is opened, or when the user marks them all read.
    page = Paginator(selectors.notification_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reviews/notifications.html", {"page": page})


@login_required
def notification_open(request, pk):
    notification = selectors.notification_get(user=request.user, notification_id=pk)
    services.notifications_mark_read(user=request.user, notification_id=notification.pk)
    return redirect(notification.url or "notifications")


@login_required
@require_POST
def notifications_read(request):
    count = services.notifications_mark_read(user=request.user)
    messages.success(request, f"Marked {count} notification{'' if count == 1 else 's'} read." if count else
                     "Nothing was unread.")
    return redirect("notifications")
