"""Writes for progress profiles: stored mastery (live updates and the rebuild), the view log, account deletion."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Max, Q, Sum

from accounts.models import Role, User
from grader.models import Submission, SubmissionKind, SubmissionStatus
from profiles import selectors
from profiles.mastery import Tally, tally
from profiles.models import (
    BestResult,
    CandidateProfile,
    DeletedAccountResults,
    ProfileView,
    StageMastery,
    TopicMastery,
)
from questions.models import Attempt, AttemptStatus, Question


def candidate_profile_ensure(*, candidate: User) -> CandidateProfile:
    """The candidate's profile row (its public id and roadmap mastery), created empty the first time."""
    profile, _ = CandidateProfile.objects.select_related("candidate").get_or_create(candidate=candidate)
    return profile


# ---------------------------------------------------------------------------------------------------------------
# Best result per candidate and question, from the results themselves


def _result_rows(attempts, submissions) -> dict[tuple[int, int], dict]:
    """Best result per (candidate id, question id) from querysets of answers and submissions (None: there are
    none of that kind, and no query is built).

    Counts graded answers and graded real submissions (example runs never count); an answer waiting for a
    reviewer marks the question as pending. The same expressions serve the live update and the rebuild, so both
    compute identical figures.
    """
    rows: dict[tuple[int, int], dict] = {}
    sources = []
    if attempts is not None:
        sources.append(
            attempts.order_by()
            .values("candidate_id", "question_id")
            .annotate(
                best=Max(F("score") / F("max_score"), filter=Q(status=AttemptStatus.GRADED)),
                graded=Count("id", filter=Q(status=AttemptStatus.GRADED)),
                pending=Count("id", filter=Q(status=AttemptStatus.PENDING_REVIEW)),
                last=Max("created_at"),
            )
        )
    if submissions is not None:
        sources.append(
            submissions.filter(kind=SubmissionKind.SUBMIT, status=SubmissionStatus.GRADED)
            .order_by()
            .values("candidate_id", "question_id")
            .annotate(best=Max(F("score") / F("max_score")), graded=Count("id"), last=Max("created_at"))
        )
    for source in sources:
        for row in source:
            key = (row["candidate_id"], row["question_id"])
            seen = rows.get(key)
            if seen is None:
                rows[key] = {"best_fraction": row["best"], "graded_results": row["graded"],
                             "pending_review": row.get("pending", 0) > 0, "last_result_at": row["last"]}
                continue
            if row["best"] is not None:
                seen["best_fraction"] = row["best"] if seen["best_fraction"] is None else max(seen["best_fraction"], row["best"])
            seen["graded_results"] += row["graded"]
            seen["pending_review"] = seen["pending_review"] or row.get("pending", 0) > 0
            seen["last_result_at"] = max(seen["last_result_at"], row["last"])
    for values in rows.values():
        if values["best_fraction"] is not None:
            values["best_fraction"] = min(1.0, values["best_fraction"])
    return rows


def _profile_fields(overall: Tally, last_activity_at) -> dict:
    return {**overall.stored(), "last_activity_at": last_activity_at}


# ---------------------------------------------------------------------------------------------------------------
# The live update


@transaction.atomic(savepoint=False)
def progress_update(*, candidate: User, question: Question, added: tuple[float, datetime] | None = None) -> None:
    """Bring the candidate's stored progress up to date after a result on `question` changed.

    Call it inside the transaction that writes the result (an answer, a graded submission, a reviewer's grade or
    override), so that mastery and the result commit together. It recomputes the best result on that question
    from the results themselves, then the question's topics, its stage and the whole roadmap. `added` (a share of
    the points and when the result came) says that the only change is one more graded result, a submission's
    first grade: the best then follows from the stored one and it, without reading the candidate's whole history
    on the question again.

    Updates of one candidate are serialised by a lock on their profile row (made by the first one), so concurrent
    gradings never lose one another, and the stored bests read under it are those of every result committed
    before. It runs on every grading, so each table is written with one statement (an upsert), the bank comes
    from the per-process summary, and a result that leaves the question's best as it was (a second correct
    submission) leaves the topic and stage rows alone: mastery is a function of the bests. Eight queries, six
    when the best stays; with `added`, seven, and four when the best stays (the bank is not read: nothing that
    depends on it changes).
    """
    _profile_lock(candidate)
    stored = selectors.best_results_by_question(candidate=candidate)  # as they were before this result
    before = stored.pop(question.pk, None)
    bank = None  # (read under the lock, once it is needed)
    if added is not None:
        best = _best_with(before, *added)
    else:
        bank = selectors.bank_summary()
        # A question whose versions are all code tasks has no answers, and one without a code task version no
        # submissions: the query that could only come back empty is left out. (A result on a version made after
        # the bank was read here would need this profile's lock first, and so is counted by its own update.)
        best = _result_rows(
            Attempt.objects.filter(candidate=candidate, question=question) if bank.may_have_answers(question.pk)
            else None,
            Submission.objects.filter(candidate=candidate, question=question) if bank.may_have_submissions(question.pk)
            else None,
        ).get((candidate.pk, question.pk))
    if best is None:
        BestResult.objects.filter(candidate=candidate, question=question).delete()
    else:
        _upsert(BestResult, [BestResult(candidate=candidate, question=question, **best)], ("candidate", "question"))
        stored[question.pk] = selectors.StoredBest(**best)
    bests = {question_id: row.best_fraction for question_id, row in stored.items() if row.best_fraction is not None}
    last = max((row.last_result_at for row in stored.values()), default=None)

    best_kept = (best["best_fraction"] if best else None) == (before.best_fraction if before else None)
    if best_kept and before is not None:  # the figures were stored with this best: only activity moves
        CandidateProfile.objects.filter(candidate=candidate).update(last_activity_at=last)
        return
    if bank is None:
        bank = selectors.bank_summary()
    if not best_kept:
        in_bank = next((q for q in bank.questions if q.id == question.pk), None)
        topic_ids = in_bank.topic_ids if in_bank else tuple(question.topics.values_list("id", flat=True))
        _mastery_store(TopicMastery, candidate, "topic", {t: tally(bank.in_topic(t), bests) for t in topic_ids})
        _mastery_store(StageMastery, candidate, "stage",
                       {question.stage_id: tally(bank.in_stage(question.stage_id), bests)})
    CandidateProfile.objects.filter(candidate=candidate).update(**_profile_fields(tally(bank.questions, bests), last))


def _best_with(before: selectors.StoredBest | None, fraction: float, at: datetime) -> dict:
    """The best result on a question once one more graded result (`fraction` of the points, from `at`) is added
    to the stored one: the figures _result_rows would compute from all of them."""
    if before is None:
        return {"best_fraction": min(1.0, fraction), "graded_results": 1, "pending_review": False,
                "last_result_at": at}
    best = fraction if before.best_fraction is None else max(before.best_fraction, fraction)
    return {"best_fraction": min(1.0, best), "graded_results": before.graded_results + 1,
            "pending_review": before.pending_review, "last_result_at": max(before.last_result_at, at)}


def _profile_lock(candidate: User) -> None:
    """Lock the candidate's profile row, making it (empty) the first time. One statement either way: an
    upsert whose update changes nothing takes the existing row's lock, as SELECT ... FOR UPDATE would, and a
    second first result waits for the first one's row instead of failing on it."""
    # By id: an instance made with `candidate=` would also become `candidate.progress_profile`, with a public
    # id that is not the stored one.
    CandidateProfile.objects.bulk_create([CandidateProfile(candidate_id=candidate.pk)], update_conflicts=True,
                                         unique_fields=["candidate"], update_fields=["candidate"])


def _upsert(model, rows: list, unique: tuple[str, ...]) -> None:
    """Insert the rows, or update the ones that exist (by `unique`): one statement."""
    fields = [f.name for f in model._meta.concrete_fields if not f.primary_key and f.name not in unique]
    model.objects.bulk_create(rows, update_conflicts=True, unique_fields=list(unique), update_fields=fields)


def _mastery_store(model, candidate: User, key: str, figures: dict[int, Tally]) -> None:
    """Store mastery rows (per topic or per stage id); a topic or stage with nothing graded has no row."""
    rows = [model(candidate=candidate, **{f"{key}_id": k}, **f.stored()) for k, f in figures.items() if f.graded_questions]
    empty = [k for k, f in figures.items() if not f.graded_questions]
    if rows:
        _upsert(model, rows, ("candidate", key))
    if empty:
        model.objects.filter(candidate=candidate, **{f"{key}_id__in": empty}).delete()


# ---------------------------------------------------------------------------------------------------------------
# The rebuild


def progress_rebuild(*, candidate_ids: Iterable[int] | None = None, chunk_size: int = 500) -> int:
    """Recompute every stored progress table from the results: idempotent, and equal to the live updates.

    Works through candidates in chunks, each in its own transaction with the chunk's profiles locked, so live
    updates wait rather than interleave. Gives every candidate a profile. Returns how many candidates it did.
    """
    if candidate_ids is None:
        ids = set(User.objects.filter(role=Role.CANDIDATE).values_list("pk", flat=True))
        ids |= set(CandidateProfile.objects.values_list("candidate_id", flat=True))
    else:
        ids = set(candidate_ids)
    ordered = sorted(ids)
    bank = selectors.bank_summary()
    for start in range(0, len(ordered), chunk_size):
        _rebuild_chunk(ordered[start:start + chunk_size], bank)
    return len(ordered)


@transaction.atomic
def _rebuild_chunk(ids: list[int], bank: selectors.BankSummary) -> None:
    have = set(CandidateProfile.objects.filter(candidate_id__in=ids).values_list("candidate_id", flat=True))
    CandidateProfile.objects.bulk_create([CandidateProfile(candidate_id=i) for i in ids if i not in have],
                                         ignore_conflicts=True)
    profiles = {p.candidate_id: p for p in CandidateProfile.objects.select_for_update().filter(candidate_id__in=ids)}
    results = _result_rows(Attempt.objects.filter(candidate_id__in=ids), Submission.objects.filter(candidate_id__in=ids))
    per_candidate: dict[int, dict[int, dict]] = defaultdict(dict)
    for (candidate_id, question_id), values in results.items():
        per_candidate[candidate_id][question_id] = values

    best_rows, topic_rows, stage_rows = [], [], []
    for candidate_id in ids:
        mine = per_candidate.get(candidate_id, {})
        best_rows += [BestResult(candidate_id=candidate_id, question_id=q, **v) for q, v in mine.items()]
        bests = {q: v["best_fraction"] for q, v in mine.items() if v["best_fraction"] is not None}
        for topic in bank.topics:
            figures = tally(bank.in_topic(topic.pk), bests)
            if figures.graded_questions:
                topic_rows.append(TopicMastery(candidate_id=candidate_id, topic_id=topic.pk, **figures.stored()))
        for stage in bank.stages:
            figures = tally(bank.in_stage(stage.pk), bests)
            if figures.graded_questions:
                stage_rows.append(StageMastery(candidate_id=candidate_id, stage_id=stage.pk, **figures.stored()))
        last = max((v["last_result_at"] for v in mine.values()), default=None)
        profile = profiles[candidate_id]
        for name, value in _profile_fields(tally(bank.questions, bests), last).items():
            setattr(profile, name, value)

    for model in (BestResult, TopicMastery, StageMastery):
        model.objects.filter(candidate_id__in=ids).delete()
    BestResult.objects.bulk_create(best_rows, batch_size=2000)
    TopicMastery.objects.bulk_create(topic_rows, batch_size=2000)
    StageMastery.objects.bulk_create(stage_rows, batch_size=2000)
    CandidateProfile.objects.bulk_update(
        profiles.values(), fields=list(_profile_fields(tally([], {}), None)), batch_size=1000
    )


def progress_follow_bank(*, basis_before: tuple) -> bool:
    """After the bank changed (`sync_bank`): rebuild stored progress if weights, topics, stages or the set of
    questions changed (new or retired questions change everyone's coverage). Returns whether it rebuilt."""
    if selectors.mastery_basis() == basis_before:
        return False
    progress_rebuild()
    return True


# ---------------------------------------------------------------------------------------------------------------
# The view log


def profile_view_record(*, candidate: User, viewer: User) -> ProfileView:
    """Log that a recruiter viewed a candidate's shared profile (the candidate sees the log), with the name of
    the recruiter's organisation at the time."""
    from recruiting.selectors import organisation_of

    organisation = organisation_of(recruiter=viewer)
    return ProfileView.objects.create(candidate=candidate, viewer=viewer,
                                      organisation_name=organisation.name if organisation else "")


# ---------------------------------------------------------------------------------------------------------------
# Deleting an account


@transaction.atomic
def candidate_account_delete(*, candidate: User) -> None:
    """Delete a candidate's account and everything stored about them.

    Kept, anonymised: per question, the counts and summed scores of their results are added to
    DeletedAccountResults, which holds no link to any person. Refused (ValidationError) while code of theirs is
    still being graded, so that no worker writes a grade for a deleted account.
    """
    if not candidate.is_candidate:
        raise ValidationError("Only candidate accounts can be deleted here.")
    if Submission.objects.filter(
        candidate=candidate, status__in=[SubmissionStatus.QUEUED, SubmissionStatus.RUNNING]
    ).exists():
        raise ValidationError("Some of your code is still being graded. Wait for the results, then delete your account.")
    totals: dict[int, dict] = defaultdict(lambda: {"answers": 0, "submissions": 0, "graded": 0, "full_marks": 0,
                                                   "fraction_sum": 0.0})
    counted = [
        ("answers", Attempt.objects.filter(candidate=candidate), Q(status=AttemptStatus.GRADED)),
        ("submissions", Submission.objects.filter(candidate=candidate, kind=SubmissionKind.SUBMIT),
         Q(status=SubmissionStatus.GRADED)),
    ]
    for name, qs, graded in counted:
        rows = qs.order_by().values("question_id").annotate(
            n=Count("id"),
            graded=Count("id", filter=graded),
            full=Count("id", filter=graded & Q(score__gte=F("max_score"))),
            fraction_sum=Sum(F("score") / F("max_score"), filter=graded),
        )
        for row in rows:
            total = totals[row["question_id"]]
            total[name] += row["n"]
            total["graded"] += row["graded"]
            total["full_marks"] += row["full"]
            total["fraction_sum"] += row["fraction_sum"] or 0.0
    for question_id, total in sorted(totals.items()):
        DeletedAccountResults.objects.get_or_create(question_id=question_id)
        DeletedAccountResults.objects.filter(question_id=question_id).update(
            **{name: F(name) + value for name, value in total.items()}
        )
    from recruiting.services import candidate_account_ending

    candidate_account_ending(candidate=candidate)  # organisations hear that applications and sharing end (webhooks)
    candidate.delete()
