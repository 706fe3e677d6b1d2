"""cgroup v2, the default on current distributions: what the sandbox writes and reads there.

This host mounts the memory controller on cgroup v1, where the rest of the suite bounds real runs. Here a
folder laid out as a cgroup2 mount shows itself stands in for the kernel's files (the kernel makes them when
a group is made; here the test does).
"""

import pytest

from grader.sandbox import cgroups

MiB = 1024 * 1024


@pytest.fixture
def cgroup2(tmp_path, monkeypatch):
    root = tmp_path / "cgroup"
    base = root / "mlassess-sandbox"
    group = base / "uid-61000"
    group.mkdir(parents=True)
    for folder in (root, base):
        (folder / "cgroup.controllers").write_text("cpuset cpu io memory hugetlb pids rdma misc\n")
        (folder / "cgroup.subtree_control").write_text("\n")
    for name in ("memory.max", "memory.swap.max", "pids.max", "cgroup.procs"):
        (group / name).write_text("max\n")
    (group / "memory.events").write_text("low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n")
    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text(
        "22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw\n"
        f"30 23 0:26 / {root} rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate\n"
    )
    monkeypatch.setattr(cgroups, "MOUNTINFO", mountinfo)
    cgroups.layout.cache_clear()
    yield root, base, group
    monkeypatch.undo()
    cgroups.layout.cache_clear()


def test_v2_run_groups_get_memory_swap_and_process_limits(cgroup2):
    root, base, group = cgroup2
    found = cgroups.layout()
    assert found == cgroups.Layout(version=2, memory=base, pids=base)
    # The controllers are handed down to our parent group and from it to the run groups.
    assert (root / "cgroup.subtree_control").read_text() == "+memory +pids"
    assert (base / "cgroup.subtree_control").read_text() == "+memory +pids"
    run = cgroups.RunGroup(found, "uid-61000")
    run.prepare_run(memory_bytes=576 * MiB, processes=18)
    assert (group / "memory.max").read_text() == str(576 * MiB)
    assert (group / "memory.swap.max").read_text() == "0"
    assert (group / "pids.max").read_text() == "18"


def test_v2_counts_processes_killed_for_memory_from_this_run_on(cgroup2):
    _, _, group = cgroup2
    (group / "memory.events").write_text("low 0\nhigh 0\nmax 9\noom 2\noom_kill 2\noom_group_kill 0\n")  # earlier runs
    run = cgroups.RunGroup(cgroups.layout(), "uid-61000")
    run.prepare_run(memory_bytes=576 * MiB, processes=18)
    assert not run.oom_killed()
    (group / "memory.events").write_text("low 0\nhigh 0\nmax 12\noom 3\noom_kill 3\noom_group_kill 0\n")
    assert run.oom_killed()


def test_without_the_memory_controller_there_is_no_cgroup(cgroup2):
    root, _, _ = cgroup2
    (root / "cgroup.controllers").write_text("cpu io pids\n")
    assert cgroups.layout() is None
    assert "memory controller" in cgroups.unavailable_reason()
