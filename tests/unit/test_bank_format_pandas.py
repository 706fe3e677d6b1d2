"""The task format's pandas parts (issue 13): pandas among the packages, and frame comparison rules."""

import pytest
import yaml

from questions.bank_format import BankError, load_bank
from tests.unit.test_bank_format import ROADMAP

TASK_FILES = {
    "prompt.md": "Return the frame.",
    "explanation.md": "Because.",
    "starter.py": "def f(frame):\n    raise NotImplementedError\n",
    "reference.py": "def f(frame):\n    return frame\n",
    "second_solution.py": "def f(frame):\n    return frame.copy()\n",
    "cases.py": "def examples():\n    return []\n\n\ndef hidden(rng):\n    return []\n",
    "wrong/empty.py": "def f(frame):\n    return frame.iloc[:0]\n",
}


def write_task(tmp_path, **changes):
    bank = tmp_path / "bank"
    folder = bank / "basics" / "frame-task"
    (folder / "wrong").mkdir(parents=True)
    (bank / "roadmap.yaml").write_text(yaml.safe_dump(ROADMAP))
    meta = {"title": "A frame task", "type": "code", "topics": ["metrics"], "difficulty": "easy", "points": 5,
            "entry_point": "f", "packages": ["numpy", "pandas"], "compare": {"kind": "frame"}, **changes}
    (folder / "question.yaml").write_text(yaml.safe_dump(meta))
    for name, text in TASK_FILES.items():
        (folder / name).write_text(text)
    return bank


def test_a_pandas_task_with_frame_rules_loads(tmp_path):
    bank = write_task(tmp_path, compare={"kind": "frame", "check_dtype": "strict", "check_row_order": False,
                                         "rtol": 1e-6})
    [task] = load_bank(bank).questions
    assert task.spec["packages"] == ["numpy", "pandas"]
    assert task.spec["compare"]["check_dtype"] == "strict"


@pytest.mark.parametrize("changes, problem", [
    ({"compare": {"kind": "frame", "check_dtype": "loose"}}, "compare.check_dtype must be one of strict, numeric-kind, off"),
    ({"compare": {"kind": "frame", "sort_rows": True}}, "compare for kind frame does not know sort_rows"),
    ({"packages": ["numpy", "polars"]}, "packages must be a list drawn from numpy, pandas, scipy, sklearn"),
])
def test_bad_pandas_settings_are_refused_naming_the_file(tmp_path, changes, problem):
    with pytest.raises(BankError) as info:
        load_bank(write_task(tmp_path, **changes))
    message = "\n".join(info.value.problems)
    assert "bank/basics/frame-task/question.yaml" in message and problem in message
