"""Reads for progress profiles.

The bank as the mastery rule sees it; a candidate's results per question and progress per stage (roadmap and
stage pages); the profile data, built once by `shared_profile()` for the candidate's own page, the "what
recruiters see" page, the recruiter's page and the recruiter API; recommendations; the history; the view log;
the access rule for recruiters; the data export.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from django.db import connection
from django.db.models import CharField, Count, F, Q, QuerySet, Value
from django.db.models.functions import TruncWeek
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from grader.models import Submission, SubmissionKind, SubmissionStatus
from profiles.mastery import PROFICIENT_SCORE, BankQuestion, Level, Tally, is_solved, tally
from profiles.models import BestResult, CandidateProfile, ProfileView, StageMastery, TopicMastery
from questions.models import (
    CODE_TYPES,
    Attempt,
    AttemptStatus,
    Difficulty,
    Question,
    QuestionType,
    QuestionVersion,
    Stage,
    Topic,
)

# ---------------------------------------------------------------------------------------------------------------
# The bank as the mastery rule sees it


@dataclass(frozen=True)
class BankSummary:
    """The roadmap and the questions in the bank now (retired ones left out), in roadmap order."""

    stages: list[Stage]
    topics: list[Topic]
    questions: list[BankQuestion]
    # Every question's version types, retired questions included (versions are never deleted or changed).
    version_types: dict[int, frozenset[str]] = field(default_factory=dict)

    def in_stage(self, stage_id: int) -> list[BankQuestion]:
        return [q for q in self.questions if q.stage_id == stage_id]

    def in_topic(self, topic_id: int) -> list[BankQuestion]:
        return [q for q in self.questions if topic_id in q.topic_ids]

    def topics_of(self, stage_id: int) -> list[Topic]:
        return [t for t in self.topics if t.stage_id == stage_id]

    def may_have_answers(self, question_id: int) -> bool:
        """Whether the question can have answers (Attempt rows): only a version that is not a code task takes them."""
        types = self.version_types.get(question_id)
        return types is None or bool(types - CODE_TYPES)

    def may_have_submissions(self, question_id: int) -> bool:
        """Whether the question can have submissions: only a code or ML task version takes them."""
        types = self.version_types.get(question_id)
        return types is None or bool(types & CODE_TYPES)


_FINGERPRINT_SQL = """
SELECT q.n, q.versions, q.retired, q.newest, l.n, l.links, t.n, t.placed, s.n, s.placed FROM
  (SELECT COUNT(*) AS n, COALESCE(SUM(current_version_id), 0) AS versions,
          COALESCE(SUM(CASE WHEN retired THEN id ELSE 0 END), 0) AS retired,
          (SELECT COALESCE(MAX(id), 0) FROM questions_questionversion) AS newest FROM questions_question) AS q,
  (SELECT COUNT(*) AS n, COALESCE(SUM(question_id * 1000 + topic_id), 0) AS links FROM questions_question_topics) AS l,
  (SELECT COUNT(*) AS n, COALESCE(SUM(stage_id * 1000 + position), 0) AS placed FROM questions_topic) AS t,
  (SELECT COUNT(*) AS n, COALESCE(SUM(id * 1000 + position), 0) AS placed FROM questions_stage) AS s
"""
_bank_cache: dict[tuple, BankSummary] = {}


def bank_summary() -> BankSummary:
    """Stages, topics and the questions in the bank now with what mastery needs of them.

    The bank changes only when `sync_bank` runs, so each process keeps the last summary it read, keyed by a
    fingerprint of the bank (one small query) that changes with any new version, retirement, topic link or
    topic move: every page and every update still sees the bank as it is in the database. The newest version's
    id is in it too: a version made and then replaced by the earlier one again leaves the sums as they were, and
    `version_types` must still learn of it.
    """
    with connection.cursor() as cursor:
        cursor.execute(_FINGERPRINT_SQL)
        fingerprint = tuple(cursor.fetchone())
    summary = _bank_cache.get(fingerprint)
    if summary is None:
        summary = _bank_read()
        _bank_cache.clear()
        _bank_cache[fingerprint] = summary
    return summary


def _bank_read() -> BankSummary:
    stages = list(Stage.objects.order_by("position"))
    topics = list(Topic.objects.order_by("stage__position", "position"))
    links: dict[int, list[int]] = {}
    for question_id, topic_id in Question.topics.through.objects.values_list("question_id", "topic_id"):
        links.setdefault(question_id, []).append(topic_id)
    rows = (
        Question.objects.filter(retired=False, current_version__isnull=False)
        .order_by("stage__position", "current_version__difficulty", "slug")
        .values_list(
            "id", "slug", "current_version__title", "current_version__type", "stage_id",
            "current_version__difficulty", "current_version__points",
        )
    )
    questions = [
        BankQuestion(id=i, slug=s, title=t, type=ty, stage_id=st, topic_ids=tuple(sorted(links.get(i, ()))),
                     difficulty=d, points=p)
        for i, s, t, ty, st, d, p in rows
    ]
    version_types: dict[int, set[str]] = {}
    for question_id, version_type in QuestionVersion.objects.order_by().values_list("question_id", "type").distinct():
        version_types.setdefault(question_id, set()).add(version_type)
    return BankSummary(stages=stages, topics=topics, questions=questions,
                       version_types={q: frozenset(types) for q, types in version_types.items()})


def mastery_basis() -> tuple:
    """What stored mastery depends on in the bank: each question's stage, topics, weight and points."""
    return tuple((q.id, q.stage_id, q.topic_ids, q.weight, q.points) for q in bank_summary().questions)


class StoredBest(NamedTuple):
    """A candidate's stored best result on one question (a BestResult row)."""

    best_fraction: float | None
    graded_results: int
    pending_review: bool
    last_result_at: datetime


def best_results_by_question(*, candidate: User) -> dict[int, StoredBest]:
    """The candidate's stored best results, per question id: the best graded share of the points (None while
    nothing on it is graded), how many results are graded, whether an answer waits for a reviewer, and when
    their newest result on it came. One query."""
    rows = BestResult.objects.filter(candidate=candidate).values_list(
        "question_id", "best_fraction", "graded_results", "pending_review", "last_result_at")
    return {question_id: StoredBest(*values) for question_id, *values in rows}


def _best_rows(candidate: User) -> list[tuple[int, float | None, bool]]:
    return list(BestResult.objects.filter(candidate=candidate).values_list("question_id", "best_fraction", "pending_review"))


# ---------------------------------------------------------------------------------------------------------------
# Results per question and progress per stage (roadmap and stage pages)

SOLVED, PARTIAL, TRIED, PENDING, NEW = "solved", "partial", "tried", "pending_review", "new"
STATUS_LABELS = {
    SOLVED: "Solved", PARTIAL: "Partly right", TRIED: "Not solved yet", PENDING: "Awaiting review", NEW: "Not started",
}


@dataclass(frozen=True)
class QuestionResult:
    status: str
    best_fraction: float  # best score as a share of the points, 0..1

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


NOT_STARTED = QuestionResult(NEW, 0.0)


def _result(fraction: float | None, pending: bool) -> QuestionResult:
    if is_solved(fraction):
        return QuestionResult(SOLVED, 1.0)
    if pending and not fraction:
        return QuestionResult(PENDING, 0.0)
    if fraction is None:
        return NOT_STARTED
    return QuestionResult(PARTIAL if fraction > 0 else TRIED, fraction)


def question_results(*, candidate: User, rows: list | None = None) -> dict[int, QuestionResult]:
    """The candidate's best result on every question they tried, keyed by question id. One query."""
    rows = _best_rows(candidate) if rows is None else rows
    return {question_id: _result(fraction, pending) for question_id, fraction, pending in rows}


@dataclass(frozen=True)
class MasteryData:
    """A mastery figure as people read it. Plain data: the recruiter API serialises it as it is."""

    level: int
    level_label: str
    score: float  # weighted average of best scores over the graded questions, 0..1
    coverage: float  # weighted share of the questions graded, 0..1
    graded_questions: int
    solved_questions: int
    total_questions: int

    @property
    def level_slug(self) -> str:
        return Level(self.level).name.lower()


def _mastery(source: Tally | StageMastery | TopicMastery | CandidateProfile) -> MasteryData:
    return MasteryData(
        level=int(source.level),
        level_label=Level(source.level).label,
        score=round(source.score, 4),
        coverage=round(source.coverage, 4),
        graded_questions=source.graded_questions,
        solved_questions=source.solved_questions,
        total_questions=source.total_questions,
    )


def _stored_or_empty(row, questions: list[BankQuestion]) -> MasteryData:
    """A stored row as it is; no row means nothing graded there yet, with the bank's totals."""
    return _mastery(row if row is not None else tally(questions, {}))


@dataclass(frozen=True)
class StageProgress:
    stage: Stage
    topics: list[Topic]
    mastery: MasteryData
    points_earned: float
    points_total: int
    awaiting_review: int = 0  # questions whose answer waits for a reviewer: not graded, so not "started" yet

    @property
    def total(self) -> int:
        return self.mastery.total_questions

    @property
    def solved(self) -> int:
        return self.mastery.solved_questions

    @property
    def started(self) -> int:
        return self.mastery.graded_questions

    @property
    def percent(self) -> int:
        return round(100 * self.points_earned / self.points_total) if self.points_total else 0


def owns_profile(*, candidate: User, public_id) -> bool:
    """True when the profile with this public id is the candidate's own."""
    return CandidateProfile.objects.filter(candidate=candidate, public_id=public_id).exists()


def roadmap_progress(*, candidate: User) -> list[StageProgress]:
    """Progress per roadmap stage, from the stored stage mastery: questions solved and graded, points, level."""
    bank = bank_summary()
    stored = {row.stage_id: row for row in StageMastery.objects.filter(candidate=candidate)}
    waiting = dict(BestResult.objects.filter(candidate=candidate, pending_review=True).values("question__stage_id")
                   .annotate(n=Count("id")).values_list("question__stage_id", "n"))
    progress = []
    for stage in bank.stages:
        row = stored.get(stage.pk)
        questions = bank.in_stage(stage.pk)
        empty = tally(questions, {})
        progress.append(
            StageProgress(
                stage=stage,
                topics=bank.topics_of(stage.pk),
                mastery=_stored_or_empty(row, questions),
                points_earned=round(row.points_earned, 2) if row else 0.0,
                points_total=row.points_total if row else empty.points_total,
                awaiting_review=waiting.get(stage.pk, 0),
            )
        )
    return progress


# ---------------------------------------------------------------------------------------------------------------
# The profile: one builder for every view of it


@dataclass(frozen=True)
class TopicData:
    slug: str
    title: str
    stage_slug: str
    mastery: MasteryData


@dataclass(frozen=True)
class StageData:
    slug: str
    title: str
    position: int
    mastery: MasteryData
    topics: list[TopicData]


@dataclass(frozen=True)
class DifficultyData:
    difficulty: int
    label: str
    solved: int
    tried: int  # graded but not solved yet
    total: int


@dataclass(frozen=True)
class WeekActivity:
    week_start: date
    results: int  # answers and real submissions made that week (example runs are not counted)


ACTIVITY_WEEKS = 26


@dataclass(frozen=True)
class SharedProfile:
    """Everything a recruiter sees of a candidate who shares, and nothing more. Plain data for pages and the API."""

    public_id: str
    username: str
    full_name: str
    member_since: date
    last_active: datetime | None
    overall: MasteryData
    stages: list[StageData]
    by_difficulty: list[DifficultyData]
    activity: list[WeekActivity]
    strengths: list[str]
    weaknesses: list[str]


def shared_profile(*, profile: CandidateProfile, bank: BankSummary | None = None,
                   best_rows: list | None = None) -> SharedProfile:
    """The profile data of one candidate, as shared with recruiters (and shown to the candidate as such).

    A constant number of queries, whatever the amount of results.
    """
    candidate = profile.candidate
    bank = bank or bank_summary()
    best_rows = _best_rows(candidate) if best_rows is None else best_rows
    bests = {question_id: fraction for question_id, fraction, _ in best_rows if fraction is not None}
    topic_rows = {row.topic_id: row for row in TopicMastery.objects.filter(candidate=candidate)}
    stage_rows = {row.stage_id: row for row in StageMastery.objects.filter(candidate=candidate)}
    stages = []
    for stage in bank.stages:
        topics = [
            TopicData(slug=t.slug, title=t.title, stage_slug=stage.slug,
                      mastery=_stored_or_empty(topic_rows.get(t.pk), bank.in_topic(t.pk)))
            for t in bank.topics_of(stage.pk)
        ]
        stages.append(
            StageData(slug=stage.slug, title=stage.title, position=stage.position,
                      mastery=_stored_or_empty(stage_rows.get(stage.pk), bank.in_stage(stage.pk)), topics=topics)
        )
    strengths, weaknesses = _strengths_and_weaknesses(stages)
    return SharedProfile(
        public_id=str(profile.public_id),
        username=candidate.username,
        full_name=candidate.get_full_name(),
        member_since=candidate.date_joined.date(),
        last_active=profile.last_activity_at,
        overall=_mastery(profile) if profile.graded_questions else _mastery(tally(bank.questions, {})),
        stages=stages,
        by_difficulty=_by_difficulty(bank, bests),
        activity=_weekly_activity(candidate),
        strengths=strengths,
        weaknesses=weaknesses,
    )


def _by_difficulty(bank: BankSummary, bests: dict[int, float]) -> list[DifficultyData]:
    rows = []
    for difficulty in Difficulty:
        questions = [q for q in bank.questions if q.difficulty == difficulty]
        solved = sum(is_solved(bests.get(q.id)) for q in questions)
        graded = sum(q.id in bests for q in questions)
        rows.append(DifficultyData(difficulty=int(difficulty), label=difficulty.label, solved=solved,
                                   tried=graded - solved, total=len(questions)))
    return rows


def _week_start(moment: datetime) -> date:
    day = timezone.localdate(moment)
    return day - timedelta(days=day.weekday())


def _weekly_activity(candidate: User) -> list[WeekActivity]:
    """Answers and real submissions per week (Monday to Sunday) over the last ACTIVITY_WEEKS weeks."""
    this_week = _week_start(timezone.now())
    first = this_week - timedelta(weeks=ACTIVITY_WEEKS - 1)
    since = timezone.make_aware(datetime.combine(first, datetime.min.time()))
    per_week = [
        qs.annotate(week=TruncWeek("created_at")).order_by().values("week").annotate(n=Count("id")).values_list("week", "n")
        for qs in (
            Attempt.objects.filter(candidate=candidate, created_at__gte=since),
            Submission.objects.filter(candidate=candidate, kind=SubmissionKind.SUBMIT, created_at__gte=since),
        )
    ]
    counts: dict[date, int] = {}
    for week, n in per_week[0].union(per_week[1], all=True):
        start = week.date() if isinstance(week, datetime) else week
        counts[start] = counts.get(start, 0) + n
    return [WeekActivity(week_start=first + timedelta(weeks=i), results=counts.get(first + timedelta(weeks=i), 0))
            for i in range(ACTIVITY_WEEKS)]


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def _strengths_and_weaknesses(stages: list[StageData]) -> tuple[list[str], list[str]]:
    """A few sentences a person can read: the strongest topics, the weakest ones, and the stages not started."""
    topics = [t for s in stages for t in s.topics]
    strong = sorted((t for t in topics if t.mastery.level >= Level.PROFICIENT),
                    key=lambda t: (-t.mastery.level, -t.mastery.score, -t.mastery.coverage))
    weak = sorted((t for t in topics if Level.ATTEMPTED <= t.mastery.level <= Level.FAMILIAR),
                  key=lambda t: (t.mastery.score, t.mastery.coverage))
    strengths = [
        f"{t.title}: {t.mastery.level_label.lower()}, {_percent(t.mastery.score)} over "
        f"{_percent(t.mastery.coverage)} of its questions by weight." for t in strong[:3]
    ]
    weaknesses = [
        f"{t.title}: {t.mastery.level_label.lower()}, {_percent(t.mastery.score)} on "
        f"{t.mastery.graded_questions} of {t.mastery.total_questions} questions." for t in weak[:3]
    ]
    not_started = [s.title for s in stages if s.mastery.level == Level.NOT_STARTED and s.mastery.total_questions]
    if not_started:
        weaknesses.append(f"Not started yet: {', '.join(not_started)}.")
    return strengths, weaknesses


@dataclass(frozen=True)
class Recommendation:
    slug: str
    title: str
    type_label: str
    difficulty_label: str
    is_code: bool
    topic_title: str
    reason: str


NEXT_UP_COUNT = 4


def _target_difficulty(mastery: MasteryData) -> int:
    """Easy to start or to rebuild the basics, medium to consolidate, hard to reach mastery."""
    if mastery.level <= Level.ATTEMPTED:
        return Difficulty.EASY
    if mastery.level == Level.FAMILIAR or mastery.score < 0.8:
        return Difficulty.MEDIUM
    return Difficulty.HARD


def next_up(*, bank: BankSummary, stages: list[StageData], results: dict[int, QuestionResult],
            count: int = NEXT_UP_COUNT) -> list[Recommendation]:
    """A few unsolved questions for the weakest topics at the right difficulty, each with why it was picked.

    Topics come weakest first: started but below proficient (lowest mastery first), then topics not started in
    roadmap order, then proficient ones. One question per topic; untried questions before ones tried before.
    """
    topics_by_slug = {t.slug: t for t in bank.topics}
    data = [t for s in stages for t in s.topics]
    weak = sorted((t for t in data if Level.ATTEMPTED <= t.mastery.level <= Level.FAMILIAR), key=lambda t: t.mastery.score)
    fresh = [t for t in data if t.mastery.level == Level.NOT_STARTED]
    strong = sorted((t for t in data if t.mastery.level == Level.PROFICIENT), key=lambda t: t.mastery.score)
    picked: list[Recommendation] = []
    used: set[int] = set()
    for topic in weak + fresh + strong:
        if len(picked) == count:
            break
        target = _target_difficulty(topic.mastery)
        options = [
            q for q in bank.in_topic(topics_by_slug[topic.slug].pk)
            if q.id not in used and results.get(q.id, NOT_STARTED).status not in (SOLVED, PENDING)
        ]
        if not options:
            continue
        question = min(options, key=lambda q: (q.id in results, abs(q.difficulty - target), q.difficulty))
        used.add(question.id)
        difficulty = {Difficulty.EASY: "an easy", Difficulty.MEDIUM: "a medium", Difficulty.HARD: "a hard"}[question.difficulty]
        if topic.mastery.level == Level.NOT_STARTED:
            reason = f"You have not started {topic.title} yet: {difficulty} question is a good first step."
        elif topic.mastery.level == Level.PROFICIENT:
            reason = (f"You are proficient in {topic.title} ({_percent(topic.mastery.score)}): "
                      f"{difficulty} question can take you to mastered.")
        elif topic.mastery.score >= PROFICIENT_SCORE:
            reason = (f"You scored {_percent(topic.mastery.score)} in {topic.title}, but on only "
                      f"{_percent(topic.mastery.coverage)} of its questions by weight: {difficulty} question to cover more.")
        else:
            reason = (f"{topic.title} is one of your weakest topics ({topic.mastery.level_label.lower()}, "
                      f"{_percent(topic.mastery.score)}): {difficulty} question to build on.")
        if question.id in results:
            reason += f" You tried it before and scored {_percent(results[question.id].best_fraction)}."
        picked.append(
            Recommendation(slug=question.slug, title=question.title, type_label=QuestionType(question.type).label,
                           difficulty_label=Difficulty(question.difficulty).label,
                           is_code=question.type in (QuestionType.CODE, QuestionType.ML), topic_title=topic.title,
                           reason=reason)
        )
    return picked


@dataclass(frozen=True)
class CandidatePage:
    """The candidate's own profile page: the shared profile and what only the candidate sees."""

    shared: SharedProfile
    next_up: list[Recommendation]
    pending_reviews: int
    recent_views: list[ProfileView] = field(default_factory=list)


def candidate_page(*, profile: CandidateProfile) -> CandidatePage:
    bank = bank_summary()
    rows = _best_rows(profile.candidate)
    shared = shared_profile(profile=profile, bank=bank, best_rows=rows)
    results = question_results(candidate=profile.candidate, rows=rows)
    return CandidatePage(
        shared=shared,
        next_up=next_up(bank=bank, stages=shared.stages, results=results),
        pending_reviews=sum(r.status == PENDING for r in results.values()),
        recent_views=list(profile_view_list(candidate=profile.candidate)[:5]),
    )


# ---------------------------------------------------------------------------------------------------------------
# Sharing: the access rule, the view log


def profile_access_for_recruiter(*, viewer: User, public_id: uuid.UUID | str) -> CandidateProfile:
    """The profile behind a public id, if this viewer may see it now; a 404 otherwise (existence is not revealed).

    The one rule for every recruiter-side read (pages and API), checked on every request so that unsharing or
    withdrawing takes effect at once: the recruiter's organisation is verified, and the candidate shares their
    profile with every verified organisation or has an active application to one of its listings
    (recruiting.selectors.candidates_visible_to, which lists use too).
    """
    from recruiting.selectors import candidates_visible_to, organisation_of

    if not viewer.is_authenticated or not viewer.is_recruiter:
        raise Http404("No shared profile here.")
    profile = candidates_visible_to(organisation=organisation_of(recruiter=viewer)).filter(public_id=public_id).first()
    if profile is None:
        raise Http404("No shared profile here.")
    return profile


def profile_view_list(*, candidate: User) -> QuerySet[ProfileView]:
    """Who viewed the candidate's shared profile and when, newest first."""
    return ProfileView.objects.filter(candidate=candidate).select_related("viewer").order_by("-viewed_at", "-id")


# ---------------------------------------------------------------------------------------------------------------
# History: every answer and submission in one list

RESULT_FULL, RESULT_PARTIAL, RESULT_NONE, RESULT_WAITING, RESULT_EXAMPLES = "full", "partial", "none", "waiting", "examples"
RESULT_CHOICES = [
    (RESULT_FULL, "Full marks"),
    (RESULT_PARTIAL, "Partly right"),
    (RESULT_NONE, "No marks"),
    (RESULT_WAITING, "Waiting for a grade"),
    (RESULT_EXAMPLES, "Example runs"),
]


def _result_filters(result: str | None) -> tuple[Q, Q]:
    """The condition on answers and on submissions for one result category (a Q that matches nothing if none)."""
    nothing = Q(pk__in=[])
    graded_answer = Q(status=AttemptStatus.GRADED)
    graded_submission = Q(kind=SubmissionKind.SUBMIT, status=SubmissionStatus.GRADED)
    if result == RESULT_FULL:
        return graded_answer & Q(score__gte=F("max_score")), graded_submission & Q(score__gte=F("max_score"))
    if result == RESULT_PARTIAL:
        return (graded_answer & Q(score__gt=0, score__lt=F("max_score")),
                graded_submission & Q(score__gt=0, score__lt=F("max_score")))
    if result == RESULT_NONE:
        return graded_answer & Q(score__lte=0), graded_submission & Q(score__lte=0)
    if result == RESULT_WAITING:
        return (Q(status=AttemptStatus.PENDING_REVIEW),
                Q(kind=SubmissionKind.SUBMIT, status__in=[SubmissionStatus.QUEUED, SubmissionStatus.RUNNING]))
    if result == RESULT_EXAMPLES:
        return nothing, Q(kind=SubmissionKind.EXAMPLES)
    return Q(), Q()


def history_entries(*, candidate: User, stage: Stage | None = None, topic: Topic | None = None,
                    result: str | None = None) -> QuerySet:
    """The candidate's answers and code submissions, newest first, as one list of dicts (a union query that
    pages in the database): entry ("answer", "submit" or "examples"), item_id, created, title, stage_title,
    question_slug, state (the answer's or submission's status), outcome (a submission's verdict), points,
    max_points."""
    answers_q, submissions_q = _result_filters(result)
    answers = Attempt.objects.filter(answers_q, candidate=candidate)
    submissions = Submission.objects.filter(submissions_q, candidate=candidate)
    if stage is not None:
        answers, submissions = answers.filter(question__stage=stage), submissions.filter(question__stage=stage)
    if topic is not None:
        answers, submissions = answers.filter(question__topics=topic), submissions.filter(question__topics=topic)
    common = {
        "item_id": F("id"),
        "created": F("created_at"),
        "title": F("version__title"),
        "stage_title": F("question__stage__title"),
        "question_slug": F("question__slug"),
        "state": F("status"),
    }
    answers = answers.order_by().values(
        entry=Value("answer", output_field=CharField()), **common,
        outcome=Value("", output_field=CharField()), points=F("score"), max_points=F("max_score"),
    )
    submissions = submissions.order_by().values(
        entry=F("kind"), **common,
        outcome=F("verdict"), points=F("score"), max_points=F("max_score"),
    )
    return answers.union(submissions, all=True).order_by("-created", "-item_id")


# ---------------------------------------------------------------------------------------------------------------
# The candidate's data, for download


def candidate_data_export(*, candidate: User) -> dict:
    """Everything stored about a candidate, as plain data for a JSON download.

    Left out: the password (stored only as a hash) and, of code submissions, the grader's staff-only record of
    hidden cases (inputs and expected values candidates never see).
    """
    from recruiting.selectors import applications_of
    from reviews.models import Appeal, GradeRecord, Notification

    profile = CandidateProfile.objects.filter(candidate=candidate).first()
    mastery_fields = ["level", "score", "coverage", "graded_questions", "solved_questions", "total_questions",
                      "points_earned", "points_total"]
    submissions = list(
        Submission.objects.filter(candidate=candidate).select_related("question", "version").order_by("created_at", "id")
    )
    grades: dict[int, list[dict]] = {}
    answer_grades: dict[int, list[dict]] = {}
    # Who graded stays out: the candidate sees that a reviewer graded, never who.
    for grade in GradeRecord.objects.filter(attempt__candidate=candidate, applied=True).order_by("created_at", "id"):
        answer_grades.setdefault(grade.attempt_id, []).append(
            {"graded_at": grade.created_at, "reason": grade.reason, "source": grade.source, "score": grade.score,
             "max_score": grade.max_score, "feedback": grade.feedback})
    for grade in GradeRecord.objects.filter(submission__candidate=candidate, applied=True).order_by("created_at", "id"):
        grades.setdefault(grade.submission_id, []).append(
            {"graded_at": grade.created_at, "reason": grade.reason, "source": grade.source, "verdict": grade.verdict,
             "score": grade.score,
             "max_score": grade.max_score, "passed": grade.passed, "total": grade.total, "feedback": grade.feedback}
        )
    return {
        "exported_at": timezone.now(),
        "account": {
            "username": candidate.username, "email": candidate.email, "first_name": candidate.first_name,
            "last_name": candidate.last_name, "role": candidate.role, "date_joined": candidate.date_joined,
            "last_login": candidate.last_login, "shares_profile_with_recruiters": candidate.share_profile,
        },
        "profile": None if profile is None else {
            "public_id": str(profile.public_id), "last_activity_at": profile.last_activity_at,
            "roadmap_mastery": {f: getattr(profile, f) for f in mastery_fields},
        },
        "stage_mastery": [
            {"stage": row["stage__slug"], **{f: row[f] for f in mastery_fields}}
            for row in StageMastery.objects.filter(candidate=candidate).values("stage__slug", *mastery_fields)
        ],
        "topic_mastery": [
            {"topic": row["topic__slug"], **{f: row[f] for f in mastery_fields}}
            for row in TopicMastery.objects.filter(candidate=candidate).values("topic__slug", *mastery_fields)
        ],
        "best_results": [
            {"question": slug, "best_share": best, "graded": graded, "waiting_for_review": pending, "last": last}
            for slug, best, graded, pending, last in BestResult.objects.filter(candidate=candidate)
            .order_by("question__slug")
            .values_list("question__slug", "best_fraction", "graded_results", "pending_review", "last_result_at")
        ],
        "answers": [
            {"question": a.question.slug, "version": a.version.number, "answered_at": a.created_at, "answer": a.answer,
             "variant": a.variant, "status": a.status, "score": a.score, "max_score": a.max_score, "feedback": a.feedback,
             "grades": answer_grades.get(a.pk, [])}
            for a in Attempt.objects.filter(candidate=candidate).select_related("question", "version").order_by("created_at", "id")
        ],
        "submissions": [
            {"question": s.question.slug, "version": s.version.number, "submitted_at": s.created_at, "kind": s.kind,
             "code": s.code, "status": s.status, "verdict": s.verdict, "score": s.score, "max_score": s.max_score,
             "passed": s.passed, "total": s.total, "feedback": s.feedback, "graded_at": s.graded_at,
             "grades": grades.get(s.pk, [])}
            for s in submissions
        ],
        "applications": [
            {"listing": a.listing.title, "organisation": a.listing.organisation.name, "applied_at": a.created_at,
             "note": a.note, "consent_given_at": a.consent_given_at, "status": a.status, "withdrawn_at": a.withdrawn_at}
            for a in applications_of(candidate=candidate)
        ],
        "appeals": [
            {"asked_at": ap.created_at, "reason": ap.reason, "status": ap.status, "score_before": ap.score_before,
             "score_after": ap.score_after, "reply": ap.reply, "decided_at": ap.decided_at,
             "answer_id": ap.attempt_id, "submission_id": ap.submission_id}
            for ap in Appeal.objects.filter(candidate=candidate).order_by("created_at", "id")
        ],
        "notifications": list(
            Notification.objects.filter(user=candidate).order_by("created_at", "id").values("created_at", "text", "url", "read_at")
        ),
        "profile_views": [
            {"viewed_at": v.viewed_at, "organisation": v.organisation_name,
             "viewer": v.viewer.username if v.viewer else None}
            for v in profile_view_list(candidate=candidate)
        ],
    }
