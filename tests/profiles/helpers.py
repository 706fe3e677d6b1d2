"""Producing results the way the app does: answers through answer_submit, code through submit() and the grader's
recorder, reviews as the reviewers' service will (a grade on the answer and progress_update in one transaction)."""


from grader import services as grader_services
from grader.judging import Judgement
from grader.models import Submission, SubmissionKind, Verdict
from questions.models import Attempt, Question
from questions.services import answer_submit
from reviews.models import GradeSource
from reviews.services import grade_record_create

try:  # numeric variants have a module of their own once the bank-checks work is merged
    from questions.variants import numeric_variant
except ImportError:
    from questions.grading import numeric_variant


def question(slug: str) -> Question:
    return Question.objects.select_related("current_version", "stage").get(slug=slug)


def answer(candidate, slug: str, *, right: bool) -> Attempt:
    """Answer a choice or numeric question right or wrong."""
    q = question(slug)
    spec = q.current_version.spec
    if q.current_version.type == "numeric":
        _, expected = numeric_variant(spec, candidate_id=candidate.pk, question_slug=slug)
        raw = str(expected) if right else str(expected * 3 + 17)
    elif q.current_version.type == "multiple_choice":
        raw = [o["key"] for o in spec["options"] if o["correct"] == right] or [spec["options"][0]["key"]]
    else:
        raw = next(o["key"] for o in spec["options"] if o["correct"] == right)
    return answer_submit(candidate=candidate, question=q, raw_answer=raw)


def free_text(candidate, slug: str) -> Attempt:
    return answer_submit(candidate=candidate, question=question(slug), raw_answer="My considered answer.")


def review(attempt: Attempt, score: float) -> Attempt:
    """A reviewer's grade through the reviews service: the grade, its record and progress, together."""
    grade_record_create(attempt=attempt, source=GradeSource.REVIEWER, score=score, reason="graded with the rubric")
    attempt.refresh_from_db()
    return attempt


def submission(candidate, slug: str, *, kind: str = SubmissionKind.SUBMIT) -> Submission:
    """A stored, queued submission, as submit() leaves it (stored directly: these tests are not about submit()'s
    limits, and no worker runs; graded() below records the grade)."""
    q = question(slug)
    return Submission.objects.create(candidate=candidate, question=q, version=q.current_version, kind=kind,
                                     code="def f():\n    pass\n", max_score=float(q.current_version.points))


def graded(sub: Submission, fraction: float, *, reason: str = "first grading", regrade: bool = False) -> Submission:
    """Record a grade for a submission through the grader's own recorder, as a worker's run or a regrade does."""
    points = sub.max_score
    passed = round(10 * fraction)
    judgement = Judgement(
        verdict=Verdict.ACCEPTED if fraction >= 1 else Verdict.WRONG_ANSWER,
        score=round(points * fraction, 4), max_score=points, passed=passed, total=10,
        feedback={"message": "", "examples": [], "categories": []}, details={},
    )
    return grader_services._record(submission_id=sub.pk, version=sub.version, judgement=judgement, reason=reason,
                                   regrade=regrade)
