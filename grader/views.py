from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django_htmx.http import trigger_client_event

from accounts.decorators import candidate_required
from grader import services
from grader.forms import CodeForm
from grader.selectors import access_submission, latest_code, submission_list
from questions.selectors import question_get


@candidate_required
def code_task(request, slug):
    question = question_get(slug=slug)
    version = question.current_version
    if not version.is_code:
        return redirect("question", slug=slug)
    form = CodeForm(
        request.POST if request.method == "POST" else None,
        initial={"code": latest_code(candidate=request.user, question=question) or version.spec["starter"]},
    )
    submission, retry_after = None, None
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.submit(
                candidate=request.user, question=question, code=form.cleaned_data["code"], kind=form.cleaned_data["kind"]
            )
        except services.SubmissionThrottled as exc:
            form.add_error("code", exc)
            retry_after = exc.retry_after
        except ValidationError as exc:
            form.add_error("code", exc)
        else:
            if not request.htmx:
                return redirect("submission-detail", submission_id=submission.pk)
    if request.htmx and request.method == "POST":
        # The result panel replaces itself until the verdict arrives; form errors show in it too.
        response = _result_panel(request, submission, form=form)
    else:
        recent = list(submission_list(candidate=request.user, question=question)[:10])
        response = render(
            request,
            "grader/code_task.html",
            {
                "question": question,
                "version": version,
                "form": form,
                "submissions": recent,
                # Still being graded (the page was reloaded, or opened again): its panel keeps following it.
                "pending": next((s for s in recent if not s.is_done), None),
            },
        )
    if retry_after:
        # Too many runs: 429, and the message in the panel says when to try again.
        response.status_code = 429
        response["Retry-After"] = str(retry_after)
    return response


@candidate_required
def submission_detail(request, submission_id):
    submission = access_submission(user=request.user, submission_id=submission_id)
    if request.htmx:
        return _result_panel(request, submission)
    return render(request, "grader/submission.html", {"submission": submission})


def _result_panel(request, submission, form=None):
    """The live result panel. Once the verdict is in, it tells the page, whose list of submissions refreshes."""
    response = render(request, "grader/_result.html", {"submission": submission, "form": form})
    if submission is not None and submission.is_done:
        trigger_client_event(response, "submission-graded")
    return response
