"""Attacks found by red-teaming the grader, each against the real sandbox (both paths), none mocked.

Each test is an attack that once worked; the module docstring of the fix says why it no longer does.
"""

from grader.models import Verdict

# Write the whole result channel ourselves (an import record and one record per case), then leave before the
# harness writes anything: nothing is duplicated, so only the records' content can give the forgery away.
FORGE_EVERY_CASE = """
import json, os
run = json.load(open("/task/run.json"))
for fd in os.listdir("/proc/self/fd"):
    try:
        target = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        continue
    if target.startswith("pipe:") and int(fd) > 2:
        lines = [json.dumps({"event": "import", "ok": True})]
        lines += ['{"event": "case", "id": %s, "ok": true, "value": VALUE}' % json.dumps(c["id"]) for c in run["cases"]]
        try:
            os.write(int(fd), ("\\n".join(lines) + "\\n").encode())
        except OSError:
            pass
os._exit(0)
"""


def test_a_forged_integer_too_big_for_a_float_is_tampering_not_a_grader_fault(sandbox):
    # JSON carries integers of thousands of digits; comparing one with an expected float raised OverflowError
    # on the trusted side: grader_error, retried, and "never the candidate's fault".
    result = sandbox.grade("f1-score", FORGE_EVERY_CASE.replace("VALUE", "9" * 400))
    assert result.verdict == Verdict.WRONG_ANSWER and result.passed == 0
    assert "result channel" in result.feedback["message"]
