"""Reads for reviewers and the trail: who may review, the queue, what a reviewer sees (blind), the dashboard's
figures and agreement, a candidate's view of their grade and appeals, notifications."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import CharField, Count, Min, Q, QuerySet, Value
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from grader.models import Submission, SubmissionKind
from questions.models import AUTO_GRADED_TYPES, Attempt, Question
from reviews.models import Appeal, GradeRecord, GradeSource, Notification, ReviewItem, ReviewKind

# Sources of a person's grade (every source but the grader's).
HUMAN_SOURCES = [s for s in GradeSource.values if s != GradeSource.AUTOMATIC]


def may_review(*, user: User) -> bool:
    """Reviewers grade; nobody else does."""
    return user.is_authenticated and user.role == Role.REVIEWER


def is_lead_reviewer(*, user: User) -> bool:
    """Lead reviewers (members of the REVIEW_LEAD_GROUP Django group) settle disagreements between two grades."""
    return may_review(user=user) and user.groups.filter(name=settings.REVIEW_LEAD_GROUP).exists()


def may_see_trail(*, user: User) -> bool:
    """Reviewers and staff see the full trail of a grade (who graded, why)."""
    return may_review(user=user) or user.is_staff


def result_url(target) -> str:
    """The candidate's page of an answer or a submission."""
    if isinstance(target, Attempt):
        return reverse("attempt-detail", args=[target.pk])
    return reverse("submission-detail", args=[target.pk])


# ---------------------------------------------------------------------------------------------------------------
# The queue


def review_items_open() -> QuerySet[ReviewItem]:
    return ReviewItem.objects.filter(done_at__isnull=True)


def review_items_available(*, reviewer: User, now=None) -> QuerySet[ReviewItem]:
    """Open items this reviewer may take now: unclaimed or with a claim that ran out, not on their own
    answers, not a second grade of their own grade, lead reviews only for leads."""
    now = now or timezone.now()
    qs = review_items_open().filter(Q(claimed_by__isnull=True) | Q(claim_expires_at__lte=now) | Q(claimed_by=reviewer))
    qs = qs.exclude(attempt__candidate=reviewer).exclude(submission__candidate=reviewer)
    qs = qs.exclude(excluded_reviewer=reviewer)
    if not is_lead_reviewer(user=reviewer):
        qs = qs.exclude(kind=ReviewKind.LEAD)
    else:  # a disagreement is settled by a third reviewer, not one of the two who disagreed
        qs = qs.exclude(kind=ReviewKind.LEAD, attempt_id__in=_answers_graded_by(reviewer))
    return qs


def _answers_graded_by(reviewer: User) -> QuerySet:
    """Ids of the answers this reviewer gave a first or second grade (never NULL: NOT IN over a NULL is empty)."""
    return GradeRecord.objects.filter(grader=reviewer, source__in=[GradeSource.REVIEWER, GradeSource.SECOND],
                                      attempt_id__isnull=False).values("attempt_id")


def took_part_in_disagreement(*, reviewer: User, item: ReviewItem) -> bool:
    """True when the reviewer gave one of the two grades that a lead review settles."""
    return item.attempt_id is not None and _answers_graded_by(reviewer).filter(attempt_id=item.attempt_id).exists()


@dataclass
class QueueRow:
    question: Question
    title: str
    waiting: int
    available: int
    oldest: object
    kinds: dict


def queue_summary(*, reviewer: User) -> list[QueueRow]:
    """Per question with open items: how many wait, how many this reviewer may take, since when, by kind."""
    rows = (
        review_items_open().values("question_id").annotate(waiting=Count("id"), oldest=Min("created_at"))
        .order_by("oldest")
    )
    available = dict(
        review_items_available(reviewer=reviewer).values("question_id").annotate(n=Count("id")).values_list("question_id", "n")
    )
    kinds: dict[int, dict] = defaultdict(dict)
    for qid, kind, n in review_items_open().values("question_id", "kind").annotate(n=Count("id")).values_list("question_id", "kind", "n"):
        kinds[qid][ReviewKind(kind).label] = n
    questions = Question.objects.select_related("current_version").in_bulk([r["question_id"] for r in rows])
    return [
        QueueRow(questions[r["question_id"]], questions[r["question_id"]].current_version.title, r["waiting"],
                 available.get(r["question_id"], 0), r["oldest"], kinds[r["question_id"]])
        for r in rows
    ]


def review_item_for_reviewer(*, reviewer: User, item_id: int, saving: bool = False) -> ReviewItem:
    """An item as a reviewer sees it: 404 unless they hold its claim (or graded it). When `saving`, any item
    is returned: the grading service itself decides, under a lock, whether their grade may be saved."""
    item = (
        ReviewItem.objects.select_related("question", "attempt__version", "submission__version", "appeal", "record")
        .filter(pk=item_id).first()
    )
    if item is None or not saving and item.claimed_by_id != reviewer.pk and item.done_by_id != reviewer.pk:
        raise Http404("This item is not claimed by you. Take it from the queue with “Grade next”.")
    return item


def first_reviewer_grade(*, attempt: Attempt) -> GradeRecord | None:
    """The first reviewer's grade of a free-text answer (the one a second grade is compared with)."""
    return attempt.grade_records.filter(source=GradeSource.REVIEWER).order_by("created_at", "id").first()


def rubric_of(target) -> list[dict]:
    """The rubric of the version the candidate answered (empty for questions without one)."""
    return list(target.version.spec.get("rubric") or [])


# ---------------------------------------------------------------------------------------------------------------
# Automatic grades a reviewer may override, and the trail


def auto_graded_list(*, reviewer: User, question: Question | None = None) -> AutoGradedRows:
    """Automatically graded work (answers to choice and numeric questions, code submissions), newest first,
    without the reviewer's own: all of it, paged by the caller (a Paginator takes it), each page read as
    (kind, object) pairs."""
    submissions = Submission.objects.filter(kind=SubmissionKind.SUBMIT, status="graded").exclude(candidate=reviewer)
    attempts = Attempt.objects.filter(status="graded", version__type__in=AUTO_GRADED_TYPES).exclude(candidate=reviewer)
    if question is not None:
        submissions, attempts = submissions.filter(question=question), attempts.filter(question=question)

    def keys(queryset, kind):
        return queryset.order_by().annotate(work=Value(kind, output_field=CharField())).values_list("work", "pk", "created_at")

    rows = keys(submissions, "submission").union(keys(attempts, "answer"), all=True).order_by("-created_at", "-pk")
    return AutoGradedRows(rows)


class AutoGradedRows:
    """Both kinds of automatically graded work in one order, read a page at a time (two queries a page)."""

    def __init__(self, rows: QuerySet):
        self.rows = rows

    def count(self) -> int:
        return self.rows.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        rows = list(self.rows[window])
        ids = {kind: [pk for k, pk, _ in rows if k == kind] for kind in ("submission", "answer")}
        found = {
            "submission": Submission.objects.select_related("question", "version").in_bulk(ids["submission"]),
            "answer": Attempt.objects.select_related("question", "version").in_bulk(ids["answer"]),
        }
        return [(kind, found[kind][pk]) for kind, pk, _ in rows if pk in found[kind]]


def attempt_for_reviewer(*, attempt_id: int) -> Attempt:
    attempt = Attempt.objects.select_related("question", "version").filter(pk=attempt_id).first()
    if attempt is None:
        raise Http404("No such answer.")
    return attempt


def submission_for_reviewer(*, submission_id: int) -> Submission:
    submission = Submission.objects.select_related("question", "version").filter(pk=submission_id).first()
    if submission is None:
        raise Http404("No such submission.")
    return submission


def overridable(target) -> bool:
    """An automatic grade a reviewer may override: a graded choice or numeric answer, or a graded submission
    (free-text answers are graded with the rubric; work not graded yet is the queue's)."""
    if isinstance(target, Attempt):
        return target.status == "graded" and target.version.type in AUTO_GRADED_TYPES
    return target.status == "graded" and target.kind == SubmissionKind.SUBMIT


def person_grade_stands(target) -> bool:
    """True when the grade in force on an answer or submission was given by a person (a reviewer, an override,
    an appeal), not by the machine."""
    current = target.grade_records.filter(applied=True).order_by("-created_at", "-id").values_list("source", flat=True).first()
    return current is not None and current != GradeSource.AUTOMATIC


def grade_trail(target) -> QuerySet[GradeRecord]:
    """Every grade of an answer or submission, oldest first, with who gave it."""
    return target.grade_records.select_related("grader", "version").order_by("created_at", "id")


# ---------------------------------------------------------------------------------------------------------------
# What the candidate sees


def current_grade(target) -> GradeRecord | None:
    """The grade that stands: the newest applied record."""
    return target.grade_records.filter(applied=True).order_by("-created_at", "-id").first()


def appeals_of(target) -> QuerySet[Appeal]:
    return target.appeals.order_by("-created_at", "-id")


def appeal_list(*, candidate: User) -> QuerySet[Appeal]:
    return Appeal.objects.filter(candidate=candidate).select_related("attempt__version", "submission__version")


# ---------------------------------------------------------------------------------------------------------------
# Notifications


def notification_list(*, user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)


def notification_get(*, user: User, notification_id: int) -> Notification:
    """One of the user's own notifications; 404 for anyone else's."""
    notification = Notification.objects.filter(user=user, pk=notification_id).first()
    if notification is None:
        raise Http404("No such notification.")
    return notification


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


# ---------------------------------------------------------------------------------------------------------------
# The dashboard


@dataclass
class Agreement:
    pairs: int
    exact: float | None  # share of pairs with the same score
    kappa: float | None  # linearly weighted Cohen's kappa over points; None when undefined


def agreement(pairs: list[tuple[float, float]], *, points: int | None = None) -> Agreement:
    """Exact agreement and linearly weighted Cohen's kappa of pairs of grades (first, second).

    Scores are rounded to whole points for kappa. Kappa is undefined (None, never NaN) without pairs or when
    both graders gave one and the same score to everything.
    """
    if not pairs:
        return Agreement(0, None, None)
    exact = sum(1 for a, b in pairs if abs(a - b) < 1e-9) / len(pairs)
    first = [round(a) for a, _ in pairs]
    second = [round(b) for _, b in pairs]
    labels = list(range(int(points) + 1)) if points else sorted(set(first) | set(second))
    kappa = None
    if len(set(first) | set(second)) > 1:
        from sklearn.metrics import cohen_kappa_score

        try:
            value = float(cohen_kappa_score(first, second, labels=labels, weights="linear"))
        except ValueError:
            value = math.nan
        kappa = value if math.isfinite(value) else None
    return Agreement(len(pairs), exact, kappa)


def _agreement_pairs() -> list[tuple[int, int, int, float, float, int]]:
    """(question id, first reviewer id, second reviewer id, first score, second score, points) per answer
    graded twice."""
    seconds = list(
        GradeRecord.objects.filter(source=GradeSource.SECOND, attempt__isnull=False).select_related("attempt")
        .order_by("created_at", "id")
    )
    firsts: dict[int, GradeRecord] = {}
    for r in GradeRecord.objects.filter(source=GradeSource.REVIEWER, attempt_id__in={s.attempt_id for s in seconds}).order_by(
        "created_at", "id"
    ):
        firsts.setdefault(r.attempt_id, r)
    out = []
    for s in seconds:
        f = firsts.get(s.attempt_id)
        if f is not None:
            out.append((s.attempt.question_id, f.grader_id, s.grader_id, f.score, s.score, int(s.max_score)))
    return out


@dataclass
class Dashboard:
    waiting: int
    oldest_wait: object  # a timedelta, or None
    median_to_grade: object  # a timedelta, or None
    reviewers: list  # [(username, grades, agreement)]
    questions: list  # [(title, agreement)]


def dashboard() -> Dashboard:
    """The queue's figures: items waiting, the oldest wait, the median time from queueing to a grade, each
    reviewer's count of grades and agreement, and agreement per question."""
    now = timezone.now()
    open_items = review_items_open()
    oldest = open_items.aggregate(oldest=Min("created_at"))["oldest"]
    done = ReviewItem.objects.filter(done_at__isnull=False).order_by("-done_at").values_list("created_at", "done_at")[:2000]
    waits = [d - c for c, d in done]
    counts = dict(
        GradeRecord.objects.filter(source__in=HUMAN_SOURCES, grader__isnull=False)
        .values("grader_id").annotate(n=Count("id")).values_list("grader_id", "n")
    )
    pairs = _agreement_pairs()
    by_reviewer: dict[int, list] = defaultdict(list)
    by_question: dict[int, list] = defaultdict(list)
    for qid, first, second, a, b, points in pairs:
        by_reviewer[first].append((a, b, points))
        by_reviewer[second].append((a, b, points))
        by_question[qid].append((a, b, points))
    users = User.objects.in_bulk(list(set(counts) | set(by_reviewer)))
    reviewers = sorted(
        ((users[uid].username, counts.get(uid, 0), agreement([(a, b) for a, b, _ in by_reviewer[uid]],
                                                             points=max((p for *_, p in by_reviewer[uid]), default=None)))
         for uid in users),
        key=lambda row: (-row[1], row[0]),
    )
    titles = dict(Question.objects.filter(pk__in=by_question).values_list("pk", "current_version__title"))
    questions = sorted(
        ((titles.get(qid, "?"), agreement([(a, b) for a, b, _ in rows], points=max(p for *_, p in rows)))
         for qid, rows in by_question.items()),
        key=lambda row: row[0],
    )
    return Dashboard(
        waiting=open_items.count(),
        oldest_wait=(now - oldest) if oldest else None,
        median_to_grade=statistics.median(waits) if waits else None,
        reviewers=reviewers,
        questions=questions,
    )


