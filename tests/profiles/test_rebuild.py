"""rebuild_progress recomputes the stored progress from the results alone, and agrees with the live updates."""

import io
import random

import pytest
from django.core.management import call_command

from grader.models import SubmissionKind
from profiles.models import BestResult, CandidateProfile, StageMastery, TopicMastery
from profiles.services import progress_rebuild
from questions.models import Attempt, AttemptStatus
from tests.conftest import _user
from tests.profiles.helpers import answer, free_text, graded, review, submission

pytestmark = pytest.mark.django_db

FIGURES = ["earned", "graded_weight", "total_weight", "graded_questions", "solved_questions", "total_questions",
           "points_earned", "points_total", "score", "coverage", "level"]
CHOICE_OR_NUMERIC = ["l1-zeroes-weights", "regularisation-strength", "kfold-benefits", "kfold-validation-count",
                     "f1-from-confusion-matrix", "dot-product", "matrix-product-shape", "what-smote-does",
                     "bayes-positive-test", "spot-the-leakage"]
FREE_TEXT = ["fraud-threshold", "test-set-after-tuning", "frame-churn-problem"]
CODE = ["k-fold", "f1-score", "ridge-closed-form", "imbalanced-classifier"]


def snapshot(candidates) -> dict:
    """Every stored progress figure of these candidates, comparable exactly."""
    ids = [c.pk for c in candidates]
    return {
        "best": sorted(BestResult.objects.filter(candidate_id__in=ids).values_list(
            "candidate_id", "question_id", "best_fraction", "graded_results", "pending_review", "last_result_at")),
        "topics": sorted(TopicMastery.objects.filter(candidate_id__in=ids).values_list("candidate_id", "topic_id", *FIGURES)),
        "stages": sorted(StageMastery.objects.filter(candidate_id__in=ids).values_list("candidate_id", "stage_id", *FIGURES)),
        "roadmap": sorted(CandidateProfile.objects.filter(candidate_id__in=ids).values_list(
            "candidate_id", "public_id", "last_activity_at", *FIGURES)),
    }


def random_results(rng: random.Random, candidates, steps: int) -> None:
    """A random sequence of answers, reviews, submissions, gradings, regrades and example runs."""
    pending_answers, queued, graded_subs = [], [], []
    for _ in range(steps):
        who = rng.choice(candidates)
        action = rng.random()
        if action < 0.35:
            answer(who, rng.choice(CHOICE_OR_NUMERIC), right=rng.random() < 0.6)
        elif action < 0.45:
            pending_answers.append(free_text(who, rng.choice(FREE_TEXT)))
        elif action < 0.55 and pending_answers:
            attempt = pending_answers.pop(rng.randrange(len(pending_answers)))
            review(attempt, score=rng.randint(0, int(attempt.max_score)))
        elif action < 0.7:
            queued.append(submission(who, rng.choice(CODE)))
        elif action < 0.8 and queued:
            graded_subs.append(graded(queued.pop(rng.randrange(len(queued))), rng.choice([0.0, 0.25, 0.6, 0.9, 1.0])))
        elif action < 0.9 and graded_subs:
            graded(rng.choice(graded_subs), rng.choice([0.0, 0.5, 1.0]), reason="regrade", regrade=True)
        else:
            graded(submission(who, rng.choice(CODE), kind=SubmissionKind.EXAMPLES), 1.0)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rebuild_agrees_with_the_live_tables_after_a_random_sequence_of_results(seed):
    rng = random.Random(seed)
    candidates = [_user(f"cand{seed}-{i}", "candidate") for i in range(3)]
    random_results(rng, candidates, steps=70)
    assert Attempt.objects.filter(status=AttemptStatus.GRADED).exists()
    live = snapshot(candidates)
    assert live["topics"] and live["best"]

    # Wipe the derived tables (keeping profiles, whose public ids must survive) and rebuild from the results.
    for model in (BestResult, TopicMastery, StageMastery):
        model.objects.all().delete()
    progress_rebuild(chunk_size=2)
    assert snapshot(candidates) == live

    progress_rebuild()  # idempotent
    assert snapshot(candidates) == live


def test_the_command_rebuilds_from_results_and_says_how_many(candidate, other_candidate):
    answer(candidate, "l1-zeroes-weights", right=True)
    graded(submission(other_candidate, "k-fold"), 0.5)
    live = snapshot([candidate, other_candidate])
    TopicMastery.objects.all().update(score=0, level=0)
    out = io.StringIO()
    call_command("rebuild_progress", stdout=out)
    assert "Rebuilt the progress of 2 candidates" in out.getvalue()
    assert snapshot([candidate, other_candidate]) == live


def test_the_rebuild_gives_every_candidate_a_profile(candidate, reviewer):
    progress_rebuild()
    assert CandidateProfile.objects.filter(candidate=candidate).exists()
    assert not CandidateProfile.objects.filter(candidate=reviewer).exists()
