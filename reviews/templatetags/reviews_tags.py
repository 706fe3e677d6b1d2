from django import template
from django.core.exceptions import ValidationError

from questions.models import Attempt
from questions.selectors import AnsweredQuestion, attempt_as_answered
from reviews import selectors, services
from reviews.models import AppealStatus

register = template.Library()


@register.inclusion_tag("reviews/_grade_panel.html")
def grade_panel(target):
    """The candidate's panel under a result: a reviewer's grade and feedback, appeals, the appeal form."""
    appeals = list(selectors.appeals_of(target)) if target.pk else []
    graded = target.score is not None and target.status == "graded" and getattr(target, "kind", "submit") == "submit"
    can_appeal = graded and not any(a.status == AppealStatus.OPEN for a in appeals)
    refusal = None
    if can_appeal:  # said before the reason is written, not after (a day's limit reached)
        try:
            services.check_appeal_allowed(candidate=target.candidate, target=target)
        except ValidationError as exc:
            can_appeal, refusal = False, exc.messages[0]
    return {
        "target": target,
        "kind": "answer" if isinstance(target, Attempt) else "submission",
        "record": selectors.current_grade(target) if graded else None,
        "appeals": appeals,
        "can_appeal": can_appeal,
        "appeal_refusal": refusal,
    }


@register.simple_tag
def answered(target) -> AnsweredQuestion | None:
    """An answer's question as the candidate saw it (their numbers, the options); None for a code submission."""
    return attempt_as_answered(target) if isinstance(target, Attempt) else None


@register.filter
def duration(value) -> str:
    """A timedelta as people say it: "3 d 4 h", "2 h 5 min", "40 s"."""
    seconds = int(value.total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"
