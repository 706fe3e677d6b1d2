from django import template

register = template.Library()


@register.filter
def percent(share) -> str:
    """0.734 -> "73%"."""
    try:
        return f"{round(100 * float(share))}%"
    except (TypeError, ValueError):
        return ""


@register.filter
def verdict_label(verdict: str) -> str:
    """A submission's verdict as people read it ("wrong_answer" -> "Wrong answer")."""
    from grader.models import Verdict

    return dict(Verdict.choices).get(verdict, verdict)
