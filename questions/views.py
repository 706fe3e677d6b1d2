from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from accounts.decorators import candidate_required
from profiles.selectors import NOT_STARTED, question_results, roadmap_progress
from questions import scoring, selectors, services, variants
from questions.forms import AnswerForm
from questions.models import QuestionType

PAGE_SIZE = 20


@candidate_required
def roadmap(request):
    return render(request, "questions/roadmap.html", {"progress": roadmap_progress(candidate=request.user)})


@candidate_required
def stage_questions(request, stage_slug):
    stage = selectors.stage_get(slug=stage_slug)
    topic_slug = request.GET.get("topic")
    topic = selectors.topic_get(slug=topic_slug) if topic_slug else None
    page = Paginator(selectors.question_list(stage=stage, topic=topic), PAGE_SIZE).get_page(request.GET.get("page"))
    results = question_results(candidate=request.user)
    rows = [(q, results.get(q.pk, NOT_STARTED)) for q in page]
    return render(
        request,
        "questions/stage.html",
        {"stage": stage, "topic": topic, "topics": stage.topics.all(), "page": page, "rows": rows},
    )


@candidate_required
def question_detail(request, slug):
    question = selectors.question_get(slug=slug)
    version = question.current_version
    if version.is_code:
        return redirect("code-task", slug=slug)
    params, _ = (
        variants.numeric_variant(version.spec, candidate_id=request.user.pk, question_slug=slug)
        if version.type == QuestionType.NUMERIC
        else ({}, None)
    )
    options = variants.options_for(version.spec, candidate_id=request.user.pk, question_slug=slug)
    form = AnswerForm(version, request.POST if request.method == "POST" else None, options=options)
    if request.method == "POST" and form.is_valid():
        try:
            attempt = services.answer_submit(
                candidate=request.user, question=question, raw_answer=form.cleaned_data["answer"]
            )
        except ValidationError as exc:
            form.add_error("answer", exc)
        else:
            return redirect("attempt-detail", attempt_id=attempt.pk)
    return render(
        request,
        "questions/question.html",
        {
            "question": question,
            "version": version,
            "prompt": variants.render_variant(version.prompt, params),
            "form": form,
            "rule": scoring.multiple_choice_rule() if version.type == QuestionType.MULTIPLE_CHOICE else "",
            "tolerance": scoring.tolerance_text(version.spec) if version.type == QuestionType.NUMERIC else "",
            "previous": selectors.attempt_list(candidate=request.user).filter(question=question)[:10],
        },
    )


@candidate_required
def attempt_detail(request, attempt_id):
    attempt = selectors.access_attempt(user=request.user, attempt_id=attempt_id)
    answered = selectors.attempt_as_answered(attempt)
    return render(
        request,
        "questions/attempt.html",
        {"attempt": attempt, "version": attempt.version, "prompt": answered.prompt, "options": answered.options},
    )
