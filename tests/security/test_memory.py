"""A run's memory is bounded as a whole: all its processes and its scratch files together, by its cgroup.

Without a cgroup, a run may not fork at all: it cannot multiply the per-process limit.
"""

import textwrap

import pytest

from grader.models import Verdict
from grader.sandbox import cgroups, launcher
from grader.sandbox.launcher import Limits
from tests.security.conftest import value_of

MiB = 1024 * 1024

# 15 children, each touching just under the per-process limit (512 MB for f1-score and by default): 7 GB
# if nothing bounds the run as a whole.
FORK_AND_FILL = """
    import os
    children = []
    for _ in range(15):
        pid = os.fork()
        if pid == 0:
            hog = b"x" * (480 * 1024 * 1024)
            os._exit(0)
        children.append(pid)
    return [os.waitpid(pid, 0)[1] for pid in children]
"""


@pytest.mark.each_package_set
def test_fork_and_fill_is_bounded_as_a_whole(sandbox):
    sandbox.ready(sandbox.packages)
    zygote = launcher.zygote_of(list(sandbox.packages))
    outcome = sandbox.observe(FORK_AND_FILL, limits=Limits(time_seconds=20, memory_mb=512))
    assert outcome.memory_exceeded
    # The run's cgroup at its fullest: the limit plus the stated overhead, far from 15 x 480 MB.
    assert outcome.memory_peak_mb is not None
    assert outcome.memory_peak_mb <= 512 + cgroups.RUN_OVERHEAD_MB < 1024
    # The OOM killer took the run's processes, not the zygote or the next run it keeps ready.
    assert value_of(sandbox.observe("return 'next'")) == "next"
    assert launcher.zygote_of(list(sandbox.packages)) is zygote


def test_fork_and_fill_is_a_memory_limit(sandbox):
    code = "def f1_score(y_true, y_pred, *, average='binary', pos_label=1):\n" + textwrap.indent(
        textwrap.dedent(FORK_AND_FILL), "    ")
    result = sandbox.grade("f1-score", code)
    assert result.verdict == Verdict.MEMORY_LIMIT
    assert result.score == 0.0
    assert "Memory limit exceeded" in result.feedback["message"]


HOLD_AND_MAYBE_FILL_SCRATCH = """
    import os, time
    if {fill}:
        for path in ("/work/a", "/work/b", "/tmp/a"):  # 45 MB of scratch files (each under the file size limit)
            with open(path, "wb") as f:
                f.write(b"x" * (15 * 1024 * 1024))
    children = []
    for _ in range(2):
        pid = os.fork()
        if pid == 0:
            hog = b"x" * (58 * 1024 * 1024)
            time.sleep(1)
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)
    return "done"
"""


@pytest.mark.each_package_set
def test_scratch_files_count_towards_the_memory_limit(sandbox):
    limits = Limits(time_seconds=10, memory_mb=100)  # a cgroup of 100 MB + the overhead
    without = sandbox.observe(HOLD_AND_MAYBE_FILL_SCRATCH.format(fill=False), limits=limits)
    assert value_of(without) == "done" and not without.memory_exceeded
    launcher.settle()  # the first run's pages are gone before the second starts
    filled = sandbox.observe(HOLD_AND_MAYBE_FILL_SCRATCH.format(fill=True), limits=limits)
    assert filled.memory_exceeded


@pytest.fixture
def host_without_cgroups(monkeypatch, tmp_path):
    """A host where no cgroup hierarchy is mounted (as this process sees it); zygotes started afresh."""
    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text("22 1 0:21 / /proc rw,nosuid - proc proc rw\n")
    monkeypatch.setattr(cgroups, "MOUNTINFO", mountinfo)
    cgroups.layout.cache_clear()
    launcher.stop_zygotes()
    yield
    monkeypatch.undo()
    cgroups.layout.cache_clear()
    launcher.stop_zygotes()


def test_without_a_cgroup_a_run_gets_one_process(sandbox, host_without_cgroups):
    assert cgroups.layout() is None
    result = value_of(sandbox.observe("""
        import os, threading
        try:
            pid = os.fork()
            if pid == 0:
                os._exit(0)
            forked = "forked"
        except OSError as e:
            forked = type(e).__name__
        try:
            threading.Thread(target=print).start()
            thread = "started"
        except RuntimeError:
            thread = "refused"
        return [forked, thread]
    """))
    assert result == ["BlockingIOError", "refused"]
