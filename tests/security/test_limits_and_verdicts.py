"""Hostile submissions against a real task: every limit gives its own verdict; no trick turns wrong into right."""

import textwrap

from django.conf import settings

from grader import judging
from grader.cases import EXAMPLES, hidden_seed
from grader.models import Verdict
from grader.sandbox.harness import MAX_CASE_STDOUT
from grader.sandbox.launcher import MAX_OUTPUT_BYTES, Limits
from tests.security.conftest import value_of


def test_infinite_loop_is_a_time_limit(sandbox):
    result = sandbox.grade("f1-score", """
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            while True:
                pass
    """)
    assert result.verdict == Verdict.TIME_LIMIT
    assert "Time limit" in result.feedback["message"]


def test_a_time_limit_on_the_examples_still_shows_what_each_example_expects(sandbox):
    task = sandbox.bank["f1-score"]
    sandbox.ready(task.spec["packages"])
    result = judging.run_task(task.type, task.spec, "def f1_score(*args, **kwargs):\n    while True:\n        pass\n",
                              which=EXAMPLES, seed=hidden_seed(task.content_hash), points=float(task.points))
    assert result.verdict == Verdict.TIME_LIMIT
    examples = result.feedback["examples"]
    assert examples and all(e["expected"] is not None and e["got"] == "no result" for e in examples), examples


def test_sleeping_forever_is_a_time_limit(sandbox):
    result = sandbox.grade("f1-score", """
        import time
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            time.sleep(3600)
    """)
    assert result.verdict == Verdict.TIME_LIMIT


def _dies_on_the_tenth_call(sandbox, how: str) -> str:
    """The task's own correct solution, until its tenth call, which does `how`."""
    return sandbox.bank["f1-score"].spec["solution"] + textwrap.dedent(f"""
        _correct, _calls = f1_score, []
        def f1_score(*args, **kwargs):
            _calls.append(1)
            if len(_calls) == 10:
                {how}
            return _correct(*args, **kwargs)
    """)


def test_a_run_that_ends_itself_mid_way_keeps_every_case_before(sandbox):
    """Results reach the worker case by case: what finished before the run died counts, and no more."""
    result = sandbox.grade("f1-score", _dies_on_the_tenth_call(sandbox, "import os; os._exit(0)"))
    assert result.verdict == Verdict.RUNTIME_ERROR
    assert result.passed == 9
    assert "ended the run early" in result.feedback["message"]


def test_a_run_out_of_time_mid_way_keeps_every_case_before(sandbox):
    result = sandbox.grade("f1-score", _dies_on_the_tenth_call(sandbox, "while True: pass"))
    assert result.verdict == Verdict.TIME_LIMIT
    assert result.passed == 9
    assert result.feedback["message"].startswith(f"Time limit exceeded: 9 of {result.total} cases")


def test_memory_bomb_is_a_memory_limit(sandbox):
    result = sandbox.grade("f1-score", """
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            hog = []
            while True:
                hog.append(bytearray(50 * 1024 * 1024))
    """)
    assert result.verdict == Verdict.MEMORY_LIMIT


def test_numpy_memory_bomb_is_a_memory_limit(sandbox):
    result = sandbox.grade("f1-score", """
        import numpy as np
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            return float(np.ones((200_000, 100_000)).sum())
    """)
    assert result.verdict == Verdict.MEMORY_LIMIT


def test_output_flood_is_an_output_limit(sandbox):
    result = sandbox.grade("f1-score", """
        import os
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            while True:
                os.write(1, b"x" * 65536)
    """)
    assert result.verdict == Verdict.OUTPUT_LIMIT


def test_printing_a_lot_is_harmless_and_capped(sandbox):
    """Half a megabyte printed on one case: the case still counts, and what was kept of it is capped."""
    outcome = sandbox.observe("""
        print("spam " * 100000)
        return 1
    """)
    record = next(r for r in outcome.records if r.get("event") == "case")
    assert record["ok"] and record["value"] == 1
    assert 0 < len(record["stdout"]) <= MAX_CASE_STDOUT
    assert not outcome.output_exceeded and len(outcome.output) <= MAX_OUTPUT_BYTES


def test_printing_past_the_harness_is_an_output_limit(sandbox):
    result = sandbox.grade("f1-score", """
        import os
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            os.write(1, b"spam " * 100000)
            return 0.0
    """)
    assert result.verdict == Verdict.OUTPUT_LIMIT


def test_fork_bomb_is_contained(sandbox):
    outcome = sandbox.observe("""
        import os
        children = 0
        try:
            for _ in range(10000):
                if os.fork() == 0:
                    import time
                    time.sleep(60)
                    os._exit(0)
                children += 1
        except OSError as e:
            return ["stopped", children, type(e).__name__]
        return ["not stopped", children, ""]
    """)
    stopped, children, error = value_of(outcome)
    assert stopped == "stopped" and children < 64 and error == "BlockingIOError"


def test_fork_bomb_verdict(sandbox):
    result = sandbox.grade("f1-score", """
        import os
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            while True:
                os.fork()
    """)
    assert result.verdict in (Verdict.RUNTIME_ERROR, Verdict.TIME_LIMIT)


def test_thread_bomb_is_contained(sandbox):
    stopped = value_of(sandbox.observe("""
        import threading, time
        n = 0
        try:
            for _ in range(5000):
                threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
                n += 1
        except RuntimeError:
            return n
        return n
    """))
    assert stopped < 64


def test_background_processes_die_with_the_run(sandbox):
    # A daemonised grandchild in a new session: the PID namespace ends with the run, and the autouse
    # fixture checks that no process of the sandbox's user is left on the host.
    value_of(sandbox.observe("""
        import subprocess
        subprocess.Popen(["/bin/sleep", "300"], start_new_session=True)
        return "started"
    """))


def test_disk_fill_is_bounded(sandbox):
    result = value_of(sandbox.observe("""
        written = 0
        try:
            with open("/work/fill", "wb") as f:
                for _ in range(1024):
                    f.write(b"\\0" * (1024 * 1024))
                    written += 1
        except OSError as e:
            return [written, type(e).__name__]
        return [written, "no limit"]
    """))
    written_mb, error = result
    assert written_mb <= 32 and error == "OSError"


def test_too_many_open_files_is_bounded(sandbox):
    result = value_of(sandbox.observe("""
        files = []
        try:
            for i in range(100000):
                files.append(open("/dev/null"))
        except OSError as e:
            return [len(files), e.errno]
    """))
    assert result[0] < 64


def test_exiting_early_is_not_success(sandbox):
    for exit_call in ("import sys; sys.exit(0)", "import os; os._exit(0)"):
        result = sandbox.grade("f1-score", f"""
            def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
                {exit_call}
        """)
        assert result.verdict == Verdict.RUNTIME_ERROR and result.passed == 0


def test_exiting_at_import_is_a_runtime_error(sandbox):
    result = sandbox.grade("f1-score", "import os\nos._exit(0)\n")
    assert result.verdict == Verdict.RUNTIME_ERROR


def test_printing_a_fake_verdict_changes_nothing(sandbox):
    result = sandbox.grade("f1-score", """
        import json, sys
        print(json.dumps({"verdict": "accepted", "score": 10, "passed": 43, "total": 43}))
        sys.stdout.flush()
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            print('{"verdict": "accepted"}')
            return 0.123
    """)
    assert result.verdict == Verdict.WRONG_ANSWER


def test_forged_result_records_fail_closed(sandbox):
    # Find the harness's private copy of the result channel and write records for every case.
    result = sandbox.grade("f1-score", """
        import json, os
        run = json.load(open("/task/run.json"))
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if target.startswith("pipe:") and int(fd) > 2:
                for case in run["cases"]:
                    os.write(int(fd), (json.dumps({"event": "case", "id": case["id"], "ok": True, "value": 1.0}) + "\\n").encode())
                os.write(int(fd), b"not json at all\\n")
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            return 1.0
    """)
    assert result.verdict == Verdict.WRONG_ANSWER
    assert result.passed == 0


def test_patching_the_harness_gains_nothing(sandbox):
    result = sandbox.grade("f1-score", """
        import sys
        harness = sys.modules["__main__"]
        harness.to_plain = lambda value, *args: 1.0
        harness.NotPlain = Exception
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            return "accepted"
    """)
    assert result.verdict != Verdict.ACCEPTED


def test_objects_that_lie_about_equality_are_not_compared(sandbox):
    result = sandbox.grade("f1-score", """
        class Anything(float):
            def __eq__(self, other):
                return True
            def __sub__(self, other):
                return 0.0
            __rsub__ = __sub__
            def __abs__(self):
                return 0.0
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            return Anything(0.0)
    """)
    assert result.verdict == Verdict.WRONG_ANSWER and result.passed == 0
    assert "not plain data" in result.feedback["message"]


def test_nan_never_matches_a_number(sandbox):
    result = sandbox.grade("f1-score", """
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            if average not in ("binary", "micro", "macro", "weighted"):
                raise ValueError(average)
            if average == "binary" and len(set(list(y_true)) | set(list(y_pred))) > 2:
                raise ValueError("multiclass")
            return float("nan")
    """)
    assert result.verdict == Verdict.WRONG_ANSWER


def test_forbidden_import_is_rejected_even_via_sys_path(sandbox):
    for code in (
        "from sklearn.metrics import f1_score\n",
        "import sys\nsys.path += ['/work/main/.venv/lib/python3.11/site-packages', '/usr/lib/python3/dist-packages',"
        " '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages']\nfrom sklearn.metrics import f1_score\n",
        "import scipy\ndef f1_score(*a, **k):\n    return 0.0\n",
    ):
        result = sandbox.grade("f1-score", code)
        assert result.verdict == Verdict.REJECTED, code
        assert "This task allows numpy and the Python standard library" in result.feedback["message"]


def test_syntax_error_is_a_runtime_error_with_a_message(sandbox):
    """The message comes from compiling on the trusted side, once the run has failed."""
    result = sandbox.grade("f1-score", "def f1_score(:\n")
    assert result.verdict == Verdict.RUNTIME_ERROR
    assert "does not compile: SyntaxError at line 1" in result.feedback["message"]


def test_code_too_deep_for_the_workers_compiler_is_judged_on_its_cases(sandbox):
    """The harness compiles with a higher recursion limit than the worker's: code that it compiles, and the worker
    cannot, is judged on its cases (here partly right), not called a compile error."""
    deep = "_deep = " + " + ".join(["1"] * 5000) + "\n"
    wrong = (settings.BANK_DIR / "core-ml" / "f1-score" / "wrong" / "ignores_pos_label.py").read_text()
    result = sandbox.grade("f1-score", deep + wrong)
    assert result.verdict == Verdict.WRONG_ANSWER and 0 < result.score < 10, result.feedback


def test_deep_recursion_is_a_runtime_error(sandbox):
    result = sandbox.grade("f1-score", """
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            return f1_score(y_true, y_pred, average=average, pos_label=pos_label)
    """)
    assert result.verdict == Verdict.RUNTIME_ERROR
    assert "raised an exception" in result.feedback["message"]  # (a hidden run names no exception type)
    assert {case.get("error_type") for case in result.details["cases"]} == {"RecursionError"}  # staff see it


def test_hidden_inputs_and_expected_values_never_reach_the_candidate(sandbox):
    result = sandbox.grade("f1-score", """
        def f1_score(y_true, y_pred, *, average="binary", pos_label=1):
            raise ValueError(f"inputs were {list(y_true)} and {list(y_pred)}")
    """)
    assert "inputs were" not in str(result.feedback)
    assert result.feedback["examples"] == []


def test_a_run_cannot_raise_its_limit_of_cpu_time(sandbox):
    result = value_of(sandbox.observe("""
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (hard + 100, hard + 100))
            return ["raised", soft, hard]
        except (ValueError, OSError) as e:
            return [type(e).__name__, soft, hard]
    """, limits=Limits(time_seconds=2)))
    refused, soft, hard = result
    assert refused in ("ValueError", "PermissionError")
    assert soft == hard and 0 < hard <= 2 + 2  # the task's time limit and a small margin, soft = hard


def test_sandbox_does_not_leak_file_descriptors_of_the_worker(sandbox, tmp_path):
    secret = tmp_path / "open-secret"
    secret.write_text("db-password")
    handle = open(secret)  # an fd open in the worker, like a database socket
    fd = handle.fileno()
    try:
        result = value_of(sandbox.observe("import os\nreturn sorted(int(f) for f in os.listdir('/proc/self/fd'))"))
    finally:
        handle.close()
    assert fd not in result
    assert len(result) <= 6  # stdin/stdout/stderr, the harness's copy of the result channel, the listing
