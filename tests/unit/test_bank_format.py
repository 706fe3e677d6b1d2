"""A broken bank is refused with a message that names the file and the problem."""

import shutil
from pathlib import Path

import pytest
import yaml

from questions.bank_format import BankError, choice_bias, load_bank

ROADMAP = {"stages": [{"slug": "basics", "title": "Basics", "topics": [{"slug": "metrics", "title": "Metrics"}]}]}


def write_question(bank: Path, slug="pick-one", meta=None, prompt="Pick one.", explanation="Because.", **files):
    folder = bank / "basics" / slug
    folder.mkdir(parents=True, exist_ok=True)
    meta = meta or base_meta()
    (folder / "question.yaml").write_text(yaml.safe_dump(meta) if isinstance(meta, dict) else meta)
    if prompt is not None:
        (folder / "prompt.md").write_text(prompt)
    if explanation is not None:
        (folder / "explanation.md").write_text(explanation)
    for name, text in files.items():
        (folder / name.replace("_py", ".py").replace("_md", ".md")).write_text(text)
    return folder


@pytest.fixture
def bank(tmp_path):
    root = tmp_path / "bank"
    root.mkdir()
    (root / "roadmap.yaml").write_text(yaml.safe_dump(ROADMAP))
    return root


def problems_of(bank: Path) -> str:
    with pytest.raises(BankError) as info:
        load_bank(bank)
    return "\n".join(info.value.problems)


def base_meta(**changes):
    meta = {
        "title": "Pick one",
        "type": "single_choice",
        "topics": ["metrics"],
        "difficulty": "easy",
        "points": 1,
        "options": [{"text": "Right", "correct": True}, {"text": "Wrong", "correct": False}],
    }
    meta.update(changes)
    return {k: v for k, v in meta.items() if v is not None}


def numeric_meta(**changes):
    meta = base_meta(type="numeric", options=None, answer=1.0, tolerance={"absolute": 0.1},
                     wrong_answers=[{"label": "doubled", "value": 2.0}])
    meta.update(changes)
    return meta


def test_a_valid_question_loads(bank):
    write_question(bank)
    loaded = load_bank(bank)
    assert [q.slug for q in loaded.questions] == ["pick-one"]
    assert loaded.questions[0].spec["options"][0] == {"key": "a", "text": "Right", "correct": True}


@pytest.mark.parametrize(
    "meta, problem",
    [
        ("title: [unclosed", "not valid YAML"),
        (base_meta(type="essay"), "type 'essay' is not one of"),
        (base_meta(points=None), "missing points"),
        (base_meta(topics=["nope"]), "topic 'nope' is not in roadmap.yaml"),
        (base_meta(difficulty="brutal"), "difficulty 'brutal'"),
        (base_meta(points=0), "points must be a whole number"),
        (base_meta(colour="red"), "unknown key(s) colour"),
        (base_meta(options=[{"text": "A", "correct": True}, {"text": "B", "correct": True}]), "exactly one correct"),
        (base_meta(options=[{"text": "A", "correct": True}]), "at least two"),
        (base_meta(type="multiple_choice", options=[{"text": "A", "correct": True}, {"text": "B", "correct": True}]), "one wrong option"),
        (base_meta(type="numeric", options=None, tolerance={"absolute": 0.1}), "finite number as answer"),
        (base_meta(type="numeric", options=None, answer=1.0, tolerance={"roughly": 1}), "tolerance must be"),
        (base_meta(type="numeric", options=None, answer=1.0, tolerance={"absolute": 0.1}), "list the classic wrong answers"),
        (numeric_meta(wrong_answers=[{"label": "", "value": 2.0}]), "wrong answer #1 needs a label"),
        (numeric_meta(wrong_answers=[{"label": "doubled", "value": "2"}]), "'doubled' needs a finite number"),
        (numeric_meta(wrong_answers={"doubled": 2.0}), "list the classic wrong answers"),
        (base_meta(type="free_text", options=None, rubric=[{"criterion": "x", "points": 3}]), "add up to 3"),
    ],
)
def test_broken_question_yaml_is_refused_naming_the_file(bank, meta, problem):
    write_question(bank, meta=meta)
    message = problems_of(bank)
    assert "bank/basics/pick-one/question.yaml" in message
    assert problem in message


def test_missing_prompt_names_the_file(bank):
    write_question(bank, prompt=None)
    assert "bank/basics/pick-one/prompt.md: file is missing" in problems_of(bank)


def test_a_variant_that_crashes_is_refused(bank):
    meta = base_meta(type="numeric", options=None, tolerance={"absolute": 0.1})
    write_question(bank, meta=meta, prompt="{{n}}?", variant_py="def parameters(rng):\n    return {'n': 0}\n\ndef answer(n):\n    return 1 / n\n")
    message = problems_of(bank)
    assert "bank/basics/pick-one/variant.py" in message and "ZeroDivisionError" in message


N_VARIANT = """
def parameters(rng):
    return {"n": rng.randint(1, 9)}

def answer(n):
    return n / 2

def wrong_answers(n):
    return {"n, not halved": n}
"""


def test_a_placeholder_without_a_parameter_is_refused(bank):
    meta = base_meta(type="numeric", options=None, tolerance={"absolute": 0.1})
    write_question(bank, meta=meta, prompt="{{m}}?", variant_py=N_VARIANT)
    assert "uses {{m}} but parameters() does not set it" in problems_of(bank)


def test_unknown_stage_folder_and_bad_slug_are_refused(bank):
    write_question(bank)
    shutil.copytree(bank / "basics" / "pick-one", bank / "advanced" / "other")
    shutil.copytree(bank / "basics" / "pick-one", bank / "basics" / "Bad_Slug")
    message = problems_of(bank)
    assert "folder 'advanced' is not a stage in roadmap.yaml" in message
    assert "'Bad_Slug' is not a slug" in message


def test_every_problem_is_reported_at_once(bank):
    write_question(bank, slug="first", meta=base_meta(points=-1))
    write_question(bank, slug="second", meta=base_meta(difficulty="??"))
    with pytest.raises(BankError) as info:
        load_bank(bank)
    assert len(info.value.problems) == 2


def test_missing_roadmap_is_refused(tmp_path):
    assert "roadmap.yaml: file is missing" in problems_of(tmp_path)


def test_a_numeric_question_with_its_wrong_answers_loads(bank):
    write_question(bank, meta=numeric_meta(), prompt="What is one?")
    assert load_bank(bank).questions[0].spec["answer"] == 1.0
    write_question(bank, meta=base_meta(type="numeric", options=None, tolerance={"absolute": 0.1}), prompt="{{n}}/2?",
                   variant_py=N_VARIANT)
    assert "variant_source" in load_bank(bank).questions[0].spec


def test_a_fixed_wrong_answer_inside_the_tolerance_is_refused(bank):
    write_question(bank, meta=numeric_meta(wrong_answers=[{"label": "rounded early", "value": 1.05}]))
    message = problems_of(bank)
    assert "bank/basics/pick-one/question.yaml: the wrong answer 'rounded early' (1.05) is accepted" in message
    assert "tighten the tolerance" in message


def test_a_variant_whose_wrong_answer_is_accepted_in_some_variant_is_refused_naming_the_seed(bank):
    # n / 2 and n // 2 coincide for even n only: the loader must find such a variant among its seeds.
    variant = N_VARIANT.replace('{"n, not halved": n}', '{"halved and rounded down": n // 2}')
    write_question(bank, meta=base_meta(type="numeric", options=None, tolerance={"absolute": 0.1}), prompt="{{n}}/2?",
                   variant_py=variant)
    message = problems_of(bank)
    assert "bank/basics/pick-one/variant.py: the variant of seed " in message
    assert "the wrong answer 'halved and rounded down'" in message and "is accepted for the answer" in message


def test_a_variant_without_wrong_answers_is_refused(bank):
    variant = N_VARIANT[: N_VARIANT.index("def wrong_answers")]
    write_question(bank, meta=base_meta(type="numeric", options=None, tolerance={"absolute": 0.1}), prompt="{{n}}?",
                   variant_py=variant)
    assert "bank/basics/pick-one/variant.py: variant.py must define wrong_answers()" in problems_of(bank)


def test_wrong_answers_in_question_yaml_next_to_a_variant_are_refused(bank):
    meta = base_meta(type="numeric", options=None, tolerance={"absolute": 0.1}, wrong_answers=[{"label": "x", "value": 9}])
    write_question(bank, meta=meta, prompt="{{n}}?", variant_py=N_VARIANT)
    assert "come from variant.py's answer(**params) and wrong_answers(**params)" in problems_of(bank)


def test_an_answer_that_cannot_be_typed_within_the_tolerance_is_refused(bank):
    write_question(bank, meta=numeric_meta(answer=1 / 3, tolerance={"absolute": 0}))
    assert "as the feedback shows it (0.333333) is not accepted" in problems_of(bank)


def choice(slug, texts, correct, qtype="single_choice"):
    options = [{"text": t, "correct": t in correct} for t in texts]
    return {"slug": slug, "meta": base_meta(type=qtype, options=options)}


def test_the_length_bias_and_tick_all_score_are_measured(bank):
    for q in [
        choice("longest-right", ["A much longer option", "Short", "Tiny"], {"A much longer option"}),
        choice("tie-is-not-longest", ["Same size", "Also same", "Short"], {"Same size"}),
        choice("short-right", ["Right", "A longer wrong one"], {"Right"}),
        choice("several", ["One", "Two", "Three", "Four"], {"One", "Two"}, qtype="multiple_choice"),
    ]:
        write_question(bank, slug=q["slug"], meta=q["meta"])
    bias = choice_bias(load_bank(bank))
    assert bias.longest_is_correct == ["longest-right"]
    assert (bias.single_choice, bias.multiple_choice, bias.tick_all_highest) == (3, 1, 0.0)
    assert bias.text() == (
        "Length bias: the correct option is strictly the longest in 1 of 3 single-choice questions (33%). "
        "Ticking every option scores at most 0% on the 1 multiple-choice questions."
    )


def test_a_variant_with_an_infinite_answer_is_refused(bank):
    variant = N_VARIANT.replace("return n / 2", "return float('inf') if n == 9 else n / 2")
    write_question(bank, meta=base_meta(type="numeric", options=None, tolerance={"absolute": 0.1}), prompt="{{n}}?",
                   variant_py=variant)
    assert "gives the answer inf, which is not a finite number" in problems_of(bank)
