from django.shortcuts import render

from accounts.decorators import candidate_required
from grader.selectors import access_submission, submission_list
from questions.selectors import question_get


@candidate_required
def code_task(request, slug):
    question = question_get(slug=slug)
    return render(
        request,
        "grader/code_task.html",
        {
            "question": question,
            "version": question.current_version,
            "submissions": submission_list(candidate=request.user, question=question)[:20],
        },
    )


@candidate_required
def submission_detail(request, submission_id):
    submission = access_submission(user=request.user, submission_id=submission_id)
    return render(request, "grader/submission.html", {"submission": submission})
