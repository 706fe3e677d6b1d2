"""A broken bank is refused with a message that names the file and the problem."""

import shutil
from pathlib import Path

import pytest
import yaml

from questions.bank_format import BankError, load_bank

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


def test_a_placeholder_without_a_parameter_is_refused(bank):
    meta = base_meta(type="numeric", options=None, tolerance={"absolute": 0.1})
    write_question(bank, meta=meta, prompt="{{m}}?", variant_py="def parameters(rng):\n    return {'n': 1}\n\ndef answer(n):\n    return n\n")
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
