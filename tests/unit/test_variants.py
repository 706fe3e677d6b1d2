"""A candidate's own variant: numbers drawn per candidate and question, stable, and a clear error when broken."""

import pytest

from questions import variants

VARIANT = '''
def parameters(rng):
    return {"tp": rng.randint(1, 50), "fp": rng.randint(1, 50)}

def answer(tp, fp):
    return tp / (tp + fp)

def wrong_answers(tp, fp):
    return {"fp / (tp + fp)": fp / (tp + fp)}
'''


def test_numeric_variants_are_per_candidate_and_stable():
    spec = {"variant_source": VARIANT}
    first = variants.numeric_variant(spec, candidate_id=1, question_slug="q")
    assert variants.numeric_variant(spec, candidate_id=1, question_slug="q") == first
    others = {str(variants.numeric_variant(spec, candidate_id=i, question_slug="q")[0]) for i in range(2, 30)}
    assert len(others) > 10  # candidates really get different numbers
    params, answer = first
    assert answer == pytest.approx(params["tp"] / (params["tp"] + params["fp"]))


def test_a_fixed_question_has_no_parameters():
    assert variants.numeric_variant({"answer": 0.5}, candidate_id=1, question_slug="q") == ({}, 0.5)


def test_variant_placeholders_are_filled():
    assert variants.render_variant("TP={{tp}}, FP={{ fp }}", {"tp": 3, "fp": 4}) == "TP=3, FP=4"


def test_broken_variant_raises_a_clear_error():
    with pytest.raises(variants.VariantError, match="parameters"):
        variants.variant_for_seed("x = 1\n", 0)
    with pytest.raises(variants.VariantError, match="ZeroDivisionError"):
        variants.variant_for_seed("def parameters(rng):\n    return {}\ndef answer():\n    return 1/0\n", 0)


def test_wrong_answers_of_a_variant():
    assert variants.variant_wrong_answers(VARIANT, {"tp": 3, "fp": 1}) == {"fp / (tp + fp)": 0.25}


@pytest.mark.parametrize(
    "body, problem",
    [
        ("", "must define wrong_answers()"),
        ("def wrong_answers(n):\n    return {}\n", "non-empty dict"),
        ("def wrong_answers(n):\n    return {'x': float('nan')}\n", "not a finite number"),
        ("def wrong_answers(n):\n    return {'x': True}\n", "not a finite number"),
        ("def wrong_answers(n):\n    return {'': 1.0}\n", "labels are non-empty text"),
        ("def wrong_answers(n):\n    return {'x': 1 / 0}\n", "ZeroDivisionError"),
    ],
)
def test_broken_wrong_answers_raise_a_clear_error(body, problem):
    source = "def parameters(rng):\n    return {'n': 1}\ndef answer(n):\n    return n\n" + body
    with pytest.raises(variants.VariantError, match=problem):
        variants.variant_wrong_answers(source, {"n": 1})


def test_option_order_is_shuffled_per_candidate_but_stable():
    spec = {"options": [{"key": k, "text": k, "correct": k == "a"} for k in "abcdef"]}
    orders = {tuple(o["key"] for o in variants.options_for(spec, candidate_id=i, question_slug="q")) for i in range(20)}
    assert len(orders) > 1
    once = variants.options_for(spec, candidate_id=7, question_slug="q")
    assert variants.options_for(spec, candidate_id=7, question_slug="q") == once
