"""The result channel's records, checked against their schema before anything reads them.

The harness writes one JSON object per line; but code in the sandbox can write to the same channel, so
every record is untrusted. A record that does not have exactly the expected shape, a duplicate, a record
for a case that was not asked for, or a second import record marks the run as tampered: nothing counts.
Whatever arrives, this never raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from grader.sandbox import harness

MAX_NAME = 200  # an exception type name
MAX_TEXT = 20_000  # a message, a traceback, captured stdout
# A returned value's nesting: the harness's own bound plus the levels a DataFrame's plain form adds.
MAX_VALUE_DEPTH = harness.MAX_DEPTH + 10


@dataclass
class ChannelRecords:
    """What a run reported, once validated."""

    loaded: dict | None = None  # the import record: did the submission load?
    cases: dict[str, dict] = field(default_factory=dict)  # case id -> its record
    tampered: bool = False


def _text(value, limit=MAX_TEXT) -> bool:
    return type(value) is str and len(value) <= limit


def _plain_value(value, depth=0) -> bool:
    """Whether a case's value is plain data as the harness writes it (`harness.to_plain`).

    JSON alone allows more: an integer of thousands of digits, which the trusted side's comparisons cannot
    turn into a float (OverflowError), or nesting deep enough to exhaust their recursion.
    """
    if depth > MAX_VALUE_DEPTH:
        return False
    if value is None or type(value) in (bool, float):
        return True
    if type(value) is int:
        return abs(value) <= harness.MAX_INT
    if type(value) is str:
        return len(value) <= harness.MAX_STR
    if type(value) is list:
        return all(_plain_value(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(type(k) is str and _plain_value(v, depth + 1) for k, v in value.items())
    return False


def _valid_error(error) -> bool:
    return (
        type(error) is dict
        and set(error) == {"type", "mro", "message", "traceback"}
        and _text(error["type"], MAX_NAME)
        and type(error["mro"]) is list
        and len(error["mro"]) <= 50
        and all(_text(name, MAX_NAME) for name in error["mro"])
        and _text(error["message"])
        and _text(error["traceback"])
    )


def _valid_import(record: dict) -> bool:
    if record.get("ok") is True:
        return set(record) == {"event", "ok"}
    return record.get("ok") is False and set(record) == {"event", "ok", "error"} and _valid_error(record["error"])


def _valid_case(record: dict, case_ids: set[str]) -> bool:
    if not (type(record.get("id")) is str and record["id"] in case_ids and _text(record.get("stdout", ""))):
        return False
    keys = set(record) - {"stdout"}
    if record.get("ok") is True:
        return keys == {"event", "id", "ok", "value"} and _plain_value(record["value"])
    return record.get("ok") is False and keys == {"event", "id", "ok", "error"} and _valid_error(record["error"])


def validate_records(records: list, *, malformed: bool, case_ids: set[str]) -> ChannelRecords:
    """Check every record of a run; anything unexpected marks the run as tampered."""
    result = ChannelRecords(tampered=bool(malformed))
    for record in records:
        event = record.get("event") if type(record) is dict else None
        if event == "import" and result.loaded is None and not result.cases and _valid_import(record):
            result.loaded = record
        elif event == "case" and result.loaded is not None and _valid_case(record, case_ids) and record["id"] not in result.cases:
            result.cases[record["id"]] = record
        else:
            result.tampered = True
    return result
