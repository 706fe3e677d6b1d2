"""The mastery rule on plain data: weights, what counts, and the levels people read."""

import pytest

from profiles.mastery import BankQuestion, Level, level_for, question_weight, tally


def q(id, points=1, difficulty=1):
    return BankQuestion(id=id, slug=f"q{id}", title="", type="single_choice", stage_id=1, topic_ids=(1,),
                        difficulty=difficulty, points=points)


def test_weight_is_points_times_difficulty():
    assert [question_weight(points=2, difficulty=d) for d in (1, 2, 3)] == [2, 4, 6]


def test_mastery_is_the_weighted_average_of_best_scores_over_graded_questions_only():
    questions = [q(1, points=1, difficulty=1), q(2, points=10, difficulty=3), q(3, points=5, difficulty=2)]
    figures = tally(questions, {1: 1.0, 2: 0.5})  # question 3 skipped: in neither numerator nor denominator
    assert figures.score == pytest.approx((1 * 1.0 + 30 * 0.5) / 31)
    assert figures.coverage == pytest.approx(31 / 41)  # ...but coverage shows what is left
    assert (figures.graded_questions, figures.solved_questions, figures.total_questions) == (2, 1, 3)
    assert figures.points_earned == pytest.approx(6.0) and figures.points_total == 16


def test_nothing_graded_is_not_started_and_an_empty_topic_is_too():
    assert tally([q(1)], {}).level == Level.NOT_STARTED
    assert tally([], {}).level == Level.NOT_STARTED and tally([], {}).coverage == 0


@pytest.mark.parametrize(
    "score, coverage, level",
    [
        (0.0, 1.0, Level.ATTEMPTED),
        (0.49, 1.0, Level.ATTEMPTED),
        (0.5, 0.1, Level.FAMILIAR),
        (0.95, 0.3, Level.FAMILIAR),  # one right answer in a big topic is not proficiency
        (0.7, 0.5, Level.PROFICIENT),
        (0.89, 1.0, Level.PROFICIENT),
        (0.9, 0.79, Level.PROFICIENT),
        (0.9, 0.8, Level.MASTERED),
        (1.0, 1.0, Level.MASTERED),
    ],
)
def test_levels(score, coverage, level):
    assert level_for(score=score, coverage=coverage, graded_questions=1) == level


def test_sums_do_not_depend_on_the_order_questions_come_in():
    questions = [q(i, points=i % 7 + 1, difficulty=i % 3 + 1) for i in range(1, 40)]
    best = {i: (i * 37 % 101) / 100 for i in range(1, 40, 2)}
    assert tally(questions, best) == tally(list(reversed(questions)), best)
