"""The warm path's own promises: runs forked from one zygote share nothing, the zygote never holds a run's
submission or inputs, and a zygote that misbehaves is replaced while runs take the cold path."""

import contextlib
import os
import signal
import time

import pytest

from grader.sandbox import launcher
from grader.sandbox.launcher import Limits, run_sandboxed
from tests.security.conftest import ZYGOTE_START_SECONDS, value_of

# Run A changes everything a Python process and its sandbox hold; run B, forked from the same zygote, reports
# what it sees of it.
CHANGE_EVERYTHING = """
    import builtins, ctypes, json, os, random, sys, types
    seen = {"random": random.random()}
    random.seed(1234)
    builtins.planted = True
    json.planted = True
    sys.modules["planted"] = types.ModuleType("planted")
    sys.path.append("/work/planted")
    sys.setrecursionlimit(123456)
    os.environ["PLANTED"] = "yes"
    os.umask(0o000)
    try:
        import numpy
        seen["numpy"] = float(numpy.random.random())
        numpy.random.seed(1234)
        numpy.seterr(all="raise")
        numpy.set_printoptions(precision=1)
        numpy.planted = True
    except ImportError:
        pass
    try:
        import sklearn
        sklearn.set_config(assume_finite=True)
    except ImportError:
        pass
    # System V shared memory outlives its process unless its IPC namespace ends with the run.
    seen["shm"] = ctypes.CDLL(None).shmget(0x6d6c61, 4096, 0o1666)
    # A Unix socket bound by name (abstract, or on a path) could outlive every process of its run (its own
    # descriptor in a message queued to itself: only the kernel's collector frees it), and the runs of a zygote
    # share its network namespace, where the next run would read the name: no socket may be opened at all.
    import socket
    seen["sockets"] = {}
    for family, kind, address in ((socket.AF_UNIX, socket.SOCK_STREAM, "\\0mlassess-planted"),
                                  (socket.AF_UNIX, socket.SOCK_DGRAM, "/work/planted.sock"),
                                  (socket.AF_INET, socket.SOCK_STREAM, ("127.0.0.1", 47001))):
        try:
            s = socket.socket(family, kind)
            s.bind(address)
            builtins.__dict__.setdefault("kept", []).append(s)
            seen["sockets"][str(address)] = "bound"
        except OSError as e:
            seen["sockets"][str(address)] = type(e).__name__
    try:
        builtins.__dict__.setdefault("kept", []).extend(socket.socketpair())
        seen["sockets"]["socketpair"] = "opened"
    except OSError as e:
        seen["sockets"]["socketpair"] = type(e).__name__
    written = []
    places = {"/", "/work", "/tmp", "/task", "/harness", "/packages", "/dev", "/dev/shm", "/dev/pts",
              "/python/lib/python3.11/site-packages", "/usr/lib/python3/dist-packages", "/usr/local/lib"}
    places |= {"/" + name for name in os.listdir("/") if name not in ("proc", "sys")}
    for folder in sorted(places):
        try:
            with open(os.path.join(folder, "planted"), "w") as f:
                f.write("from the previous run")
            written.append(folder)
        except OSError:
            pass
    seen["written"] = written
    return seen
"""
REPORT_EVERYTHING = """
    import builtins, json, os, random, sys
    seen = {
        "random": random.random(),
        "planted": [hasattr(builtins, "planted"), hasattr(json, "planted"), "planted" in sys.modules,
                    "/work/planted" in sys.path, os.environ.get("PLANTED"), sys.getrecursionlimit() == 123456],
        "umask": os.umask(0o022),
        "shm": open("/proc/sysvipc/shm").read().splitlines()[1:],
        "sockets": [line for line in open("/proc/net/unix").read().splitlines()[1:] if "planted" in line]
                   + [line for name in ("tcp", "tcp6", "udp", "udp6") for line in open(f"/proc/net/{name}").read().splitlines()[1:]],
        "files": [folder for folder in WRITTEN if os.path.exists(os.path.join(folder, "planted"))],
        "scratch": os.listdir("/work") + os.listdir("/tmp"),
    }
    try:
        import numpy
        seen["numpy"] = float(numpy.random.random())
        seen["numpy state"] = [numpy.geterr()["divide"], numpy.get_printoptions()["precision"], hasattr(numpy, "planted")]
    except ImportError:
        pass
    try:
        import sklearn
        seen["sklearn"] = sklearn.get_config()["assume_finite"]
    except ImportError:
        pass
    return seen
"""


@pytest.mark.each_package_set
def test_nothing_of_one_run_is_visible_to_the_next(sandbox):
    first = value_of(sandbox.observe(CHANGE_EVERYTHING))
    assert "/work" in first["written"] and "/tmp" in first["written"]
    second = value_of(sandbox.observe(REPORT_EVERYTHING.replace("WRITTEN", repr(first["written"]))))
    assert second["planted"] == [False, False, False, False, None, False]
    assert second["umask"] == 0o022
    assert second["shm"] == [] and second["files"] == [] and second["scratch"] == []
    assert set(first["sockets"].values()) == {"PermissionError"} and second["sockets"] == []
    assert second["random"] != first["random"]  # a fresh seed, not the zygote's state copied again
    if "numpy" in sandbox.packages:
        assert second["numpy"] != first["numpy"]
        assert second["numpy state"] == ["warn", 8, False]
    if "sklearn" in sandbox.packages:
        assert second["sklearn"] is False


@pytest.fixture
def warm(monkeypatch):
    """The warm path with NumPy, its zygote ready."""
    monkeypatch.setenv("MLASSESS_SANDBOX_WARM", "1")
    assert launcher.start_zygote(["numpy"], wait=ZYGOTE_START_SECONDS)
    return launcher.zygote_of(["numpy"])


def probe(value="ok", *, limits=None):
    return run_sandboxed(
        submission="def probe(x):\n    return x\n",
        run={"entry_point": "probe", "mode": "function", "cases": [{"id": "p", "args": [value]}], "packages": ["numpy"]},
        packages=["numpy"],
        limits=limits or Limits(time_seconds=5),
    )


def _memory_of(pid: int) -> bytes:
    """Every readable byte of a process's memory (we are root; the zygote is ours)."""
    chunks = []
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            span, perms = line.split()[:2]
            if not perms.startswith("r") or line.rstrip().endswith("[vvar]"):
                continue
            start, end = (int(x, 16) for x in span.split("-"))
            try:
                mem.seek(start)
                chunks.append(mem.read(end - start))
            except OSError:
                pass
    return b"".join(chunks)


def test_the_zygote_never_holds_a_submission_or_an_input(warm):
    submission_canary, input_canary = "mlassess-submission-5e1b7a", "mlassess-input-93c4d2"
    outcome = run_sandboxed(
        submission=f"# {submission_canary}\ndef probe(x):\n    return len(x)\n",
        run={"entry_point": "probe", "mode": "function", "cases": [{"id": "p", "args": [input_canary]}],
             "packages": ["numpy"]},
        packages=["numpy"],
        limits=Limits(time_seconds=5),
    )
    assert outcome.warm and value_of(outcome) == len(input_canary)
    launcher.settle()
    memory = _memory_of(warm.pid)
    assert b"/harness/harness.py" in memory  # what the zygote does hold is found
    assert submission_canary.encode() not in memory
    assert input_canary.encode() not in memory


def test_a_run_with_20_mb_of_inputs_gets_them_whole_and_read_only(warm):
    # /task is made ahead, before the size of the run is known; this run's inputs are 20 MB.
    big = "x" * (20 * 1024 * 1024)
    outcome = run_sandboxed(
        submission="import os\ndef probe(x):\n    return [len(x), x[:3], os.access('/task/run.json', os.W_OK)]\n",
        run={"entry_point": "probe", "mode": "function", "cases": [{"id": "p", "args": [big]}], "packages": ["numpy"]},
        packages=["numpy"],
        limits=Limits(time_seconds=10, memory_mb=512),
    )
    assert outcome.warm and value_of(outcome) == [len(big), "xxx", False]
    assert probe("next").warm  # and the zygote was not replaced for it


def test_a_zygote_that_died_is_replaced_while_runs_go_cold(warm):
    os.kill(warm.pid, signal.SIGKILL)
    time.sleep(0.2)
    outcome = probe("still graded")
    assert not outcome.warm and value_of(outcome) == "still graded"
    assert launcher.start_zygote(["numpy"], wait=ZYGOTE_START_SECONDS)
    assert launcher.zygote_of(["numpy"]).pid != warm.pid
    assert probe().warm


def test_a_zygote_that_stops_answering_is_replaced(warm):
    os.kill(warm.pid, signal.SIGSTOP)
    try:
        # The run it had forked ahead may still be served; the next cannot start before the zygote has
        # confirmed that one's end, which it never does.
        outcomes = [probe("still graded"), probe("still graded")]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(warm.pid, signal.SIGCONT)  # if it is still there, which it must not be
    assert [value_of(outcome) for outcome in outcomes] == ["still graded", "still graded"]
    assert not outcomes[1].warm
    assert not os.path.exists(f"/proc/{warm.pid}")
    assert launcher.start_zygote(["numpy"], wait=ZYGOTE_START_SECONDS)
    assert probe().warm


def test_without_bubblewrap_a_ready_zygote_still_runs_and_the_cold_path_refuses(warm, monkeypatch):
    monkeypatch.setattr(launcher.shutil, "which", lambda name: None)  # bwrap removed from the host meanwhile
    outcome = probe("still graded")
    assert outcome.warm and value_of(outcome) == "still graded"  # inside the sandbox it started in
    monkeypatch.setenv("MLASSESS_SANDBOX_WARM", "0")
    with pytest.raises(launcher.SandboxUnavailable, match="bubblewrap"):
        probe()


def test_changed_files_on_disk_replace_the_zygote(warm):
    stat = os.stat(launcher.HARNESS)
    os.utime(launcher.HARNESS, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # as a deploy would
    try:
        outcome = probe()
        assert not outcome.warm and value_of(outcome) == "ok"
        assert launcher.zygote_of(["numpy"]) is not warm
    finally:
        os.utime(launcher.HARNESS, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        launcher.stop_zygotes()
