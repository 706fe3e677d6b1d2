"""Whatever arrives on the result channel, the run is judged: never an exception, never grader_error.

The sandboxed code can write to the result channel itself, so the trusted side must survive any bytes and
any JSON there (a forged record whose `id` was an object once crashed `manage.py grade`).
"""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grader.cases import Case
from grader.judging import judge_code
from grader.models import Verdict
from grader.sandbox.launcher import RunOutcome, _parse_records

SPEC = {"compare": {"kind": "exact"}, "packages": []}
CASES = [Case(id="h0", category="edge cases", args=[1]), Case(id="h1", category="random", args=[2])]
EXPECTED = {"h0": 1, "h1": [1.5, "a"]}
VERDICTS = set(Verdict.values) - {Verdict.GRADER_ERROR}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
# Records that look like the harness's, with every field free to be anything.
records = st.fixed_dictionaries(
    {},
    optional={
        "event": st.sampled_from(["import", "case", "other"]) | json_values,
        "id": st.sampled_from(["h0", "h1", "h9"]) | json_values,
        "ok": st.booleans() | json_values,
        "value": json_values,
        "stdout": st.text(max_size=20) | json_values,
        "error": st.fixed_dictionaries(
            {},
            optional={"type": st.text(max_size=10) | json_values, "mro": st.lists(st.text(max_size=10)) | json_values,
                      "message": st.text(max_size=10) | json_values, "traceback": st.text(max_size=10) | json_values},
        ) | json_values,
    },
)


def judge(outcome: RunOutcome):
    judgement = judge_code(SPEC, CASES, EXPECTED, outcome, points=10.0)
    assert judgement.verdict in VERDICTS
    assert 0 <= judgement.score <= 10 and 0 <= judgement.passed <= judgement.total == len(CASES)
    json.dumps(judgement.feedback)  # what is stored and shown is plain data
    return judgement


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_on_the_channel_are_judged(data):
    parsed, malformed = _parse_records(data)
    judge(RunOutcome(records=parsed, malformed=malformed))


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records | json_values, max_size=6))
def test_any_json_records_are_judged(forged):
    lines = b"\n".join(json.dumps(r).encode() for r in forged)
    parsed, malformed = _parse_records(lines)
    judge(RunOutcome(records=parsed, malformed=malformed))


@settings(max_examples=200)
@given(st.lists(records, min_size=1, max_size=4))
def test_forged_records_after_the_harness_never_count(extra):
    """The harness's own records are all right, then the code adds its own: the run is tampered."""
    honest = [{"event": "import", "ok": True}, {"event": "case", "id": "h0", "ok": True, "value": 1},
              {"event": "case", "id": "h1", "ok": True, "value": [1.5, "a"]}]
    judgement = judge(RunOutcome(records=honest + extra))
    assert judgement.verdict != Verdict.ACCEPTED and judgement.score == 0


def test_a_record_whose_id_is_an_object_is_tampering_not_a_crash():
    forged = [{"event": "import", "ok": True}, {"event": "case", "id": {"x": 1}, "ok": True, "value": 1}]
    judgement = judge(RunOutcome(records=forged))
    assert judgement.verdict == Verdict.WRONG_ANSWER and "result channel" in judgement.feedback["message"]


def test_the_honest_records_are_accepted():
    honest = [{"event": "import", "ok": True}, {"event": "case", "id": "h0", "ok": True, "value": 1},
              {"event": "case", "id": "h1", "ok": True, "value": [1.5, "a"], "stdout": ""}]
    assert judge(RunOutcome(records=honest)).verdict == Verdict.ACCEPTED
