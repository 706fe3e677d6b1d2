"""A task's cases and their expected values, computed on the trusted side (never in the sandbox).

Visible example cases are shown to candidates in full; hidden cases are fixed edge cases plus random ones
drawn with a seed of the question version's own (`hidden_seed`), which no candidate can compute from the
public bank. Expected values come from the task's reference (which may use scikit-learn).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import random
import sys
import warnings
from collections import OrderedDict
from dataclasses import asdict, dataclass, field

import numpy as np
from django.conf import settings

from grader.sandbox.harness import NotPlain, from_plain, to_plain
from questions.trusted_code import function_from

HIDDEN = "hidden"
EXAMPLES = "examples"


@dataclass
class Case:
    id: str
    category: str
    args: list
    kwargs: dict = field(default_factory=dict)
    array_args: list = field(default_factory=list)
    calls: int = 1
    visible: bool = False

    def to_run(self) -> dict:
        """What goes into the sandbox for this case: inputs only."""
        return {"id": self.id, "args": self.args, "kwargs": self.kwargs, "array_args": self.array_args, "calls": self.calls}


def hidden_seed(content_hash: str) -> int:
    """The seed of a version's random hidden cases (and an ML task's hidden split).

    Derived from the installation's grading seed (settings.GRADING_SEED), which never rotates and which
    every worker shares, and from the version's content: stable for regrades, unguessable from the public
    bank, and independent of SECRET_KEY, so rotating the key changes no hidden case.
    """
    digest = hmac.new(settings.GRADING_SEED.encode(), content_hash.encode(), hashlib.sha256).hexdigest()
    return int(digest[:16], 16)


def split_seed(content_hash: str, submission_id: int) -> int:
    """The seed of an ML task's hidden split for one submission: its own, and the same again when regraded.

    An ML run's feedback holds the metric on the hidden split, which moves with every test row's label: were the
    split the same for every submission, two submissions scoring the split alike but for one row would read that
    row's label (0.0675 or 0.0710), and a model that looked the rows up would pass. The tasks' thresholds hold
    over any seed (tests/grader/test_ml_margins.py), so each submission gets a split of its own.
    """
    return hidden_seed(f"{content_hash}:submission:{submission_id}")


def task_cases(spec: dict, *, which: str, seed: int) -> list[Case]:
    """The visible example cases, or the hidden ones (fixed edge cases plus seeded random cases)."""
    if which == EXAMPLES:
        raw = function_from(spec["cases"], "cases.py", "examples")()
    else:
        raw = function_from(spec["cases"], "cases.py", "hidden")(random.Random(seed))
    return [
        Case(
            id=f"{which[0]}{i}",
            category=item.get("category", "cases"),
            args=[plain_input(a) for a in item.get("args", [])],
            kwargs={k: plain_input(v) for k, v in item.get("kwargs", {}).items()},
            array_args=list(item.get("array_args", [])),
            calls=int(item.get("calls", 1)),
            visible=which == EXAMPLES,
        )
        for i, item in enumerate(raw)
    ]


def plain_input(value):
    """A case's argument as it travels to the sandbox: DataFrames and Series (cases.py may build them) become
    tagged plain data, which `harness.from_plain` rebuilds on either side; anything else is left as it is."""
    pd = sys.modules.get("pandas")  # loaded already when a task's cases.py builds frames
    if pd is not None and type(value) in (pd.DataFrame, pd.Series):
        return to_plain(value)
    if type(value) in (list, tuple):
        return type(value)(plain_input(v) for v in value)
    if type(value) is dict:
        return {k: plain_input(v) for k, v in value.items()}
    return value


def expected_outputs(spec: dict, cases: list[Case]) -> dict[str, object]:
    """The reference's answer for each case, as plain data, or {"raises": ExceptionName}."""
    reference = function_from(spec["reference"], "reference.py", spec["entry_point"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn's warnings about edge cases are expected here
        return {case.id: _reference_output(reference, case) for case in cases}


def _reference_output(reference, case: Case):
    outputs = []
    try:
        for _ in range(case.calls):
            args = [np.asarray(a) if i in case.array_args else a for i, a in enumerate(from_plain(copy.deepcopy(case.args)))]
            outputs.append(to_plain(reference(*args, **from_plain(copy.deepcopy(case.kwargs)))))
    except NotPlain:
        raise
    except Exception as exc:  # noqa: BLE001 - the reference raising is the expected behaviour
        # The built-in type it is (sklearn's InvalidParameterError is a ValueError): what a task promises.
        builtin = next(c for c in type(exc).__mro__ if c.__module__ == "builtins")
        return {"raises": builtin.__name__}
    return outputs[0] if case.calls == 1 else outputs


def spec_fingerprint(spec: dict) -> str:
    """A digest of a task's content: equal specs share their prepared cases."""
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()


_PREPARED: OrderedDict = OrderedDict()
KEPT = 64  # entries a store of this process keeps: those used last


def _kept(store: OrderedDict, key):
    """What `store` keeps under `key` (now its most recently used entry), or None."""
    hit = store.get(key)
    if hit is not None:
        store.move_to_end(key)  # (a hit keeps it: a store drops the least recently used, not the oldest)
    return hit


def _keep(store: OrderedDict, key, value):
    """Keep `value` under `key` in `store`, dropping the least recently used entry beyond KEPT; returns it."""
    store[key] = value
    store.move_to_end(key)
    while len(store) > KEPT:
        store.popitem(last=False)
    return value


def prepared_cases(spec: dict, *, which: str, seed: int) -> tuple[list[Case], dict]:
    """Cases and expected values for a task's content and seed, computed once per process and kept."""
    key = (spec_fingerprint(spec), which, seed)
    if (hit := _kept(_PREPARED, key)) is not None:
        return hit
    cases = task_cases(spec, which=which, seed=seed)
    return _keep(_PREPARED, key, (cases, expected_outputs(spec, cases)))


def remember_prepared(key: tuple, cases: list[Case], expected: dict) -> None:
    """Keep prepared cases in this process (the KEPT most recently used task contents)."""
    _keep(_PREPARED, key, (cases, expected))


def cached_prepared(key: tuple) -> tuple[list[Case], dict] | None:
    """Prepared cases kept in this process under `key`, or None."""
    return _kept(_PREPARED, key)


_RUNS: OrderedDict = OrderedDict()


def code_run_json(cases: list[Case], *, entry_point: str, packages: list[str]) -> bytes:
    """A code task's run as the sandbox reads it (entry point, packages, each case's inputs), encoded as JSON.

    Kept for the KEPT case lists used last: a version's prepared cases are one list that this process keeps
    (above), and encoding its fifty-odd cases again took a third of a millisecond of every grading. Kept by the
    list's identity; the entry holds the list, so no other list can have its id while the entry lives.
    """
    shape = (entry_point, tuple(packages))
    hit = _kept(_RUNS, id(cases))
    if hit is not None and hit[0] is cases and hit[1] == shape:
        return hit[2]
    encoded = json.dumps({"entry_point": entry_point, "mode": "function", "cases": [c.to_run() for c in cases],
                          "packages": list(packages)}).encode()
    _keep(_RUNS, id(cases), (cases, shape, encoded))
    return encoded


def cases_to_json(cases: list[Case], expected: dict) -> str:
    """Prepared cases as text (NaN and infinities kept, which JSON columns refuse)."""
    return json.dumps({"cases": [asdict(c) for c in cases], "expected": expected}, allow_nan=True)


def cases_from_json(text: str) -> tuple[list[Case], dict]:
    data = json.loads(text)
    return [Case(**c) for c in data["cases"]], data["expected"]
