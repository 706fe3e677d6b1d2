"""A run's memory and process count bounded as a whole: cgroups, v1 (these hosts) or v2 (current distributions).

Every run lives in a cgroup of its own, so that all its processes and its scratch space (tmpfs pages are
charged to the cgroup of the process that writes them) stay within one memory limit, and a fork-and-fill
submission cannot multiply the per-process rlimit by its process count. Groups are made under one parent,
`mlassess-sandbox` (MLASSESS_SANDBOX_CGROUP names another), at the top of the memory (and pids) hierarchy that
this process can see. Each group has one user at a time: a cold run's group is named after the uid it has
claimed (`uid-61234`, guarded by that uid's lock), a zygote's after the zygote (`zygote-<worker pid>-<n>`).

Without a usable cgroup, `layout()` is None and the launcher lets a run have one process only (it refuses
to run unbounded); `unavailable_reason()` says why.
"""

from __future__ import annotations

import errno
import logging
import os
import signal
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

MOUNTINFO = Path("/proc/self/mountinfo")
# What a run may use beyond its task's memory limit: the pages of the interpreter and of the preloaded
# packages that its processes write to (copy-on-write), their page tables and kernel objects, and its
# input files. The task's limit itself covers the run's own data and its scratch files.
RUN_OVERHEAD_MB = 64
# Processes of ours inside a run's group besides the candidate's own: a cold run's two bubblewrap processes,
# or a warm run's zygote and the next run, forked ahead (two more than either needs since a warm run became
# one process; the candidate's own count is bound by RLIMIT_NPROC as well).
OWN_PROCESSES = 4

_unavailable: list[str] = []


@dataclass(frozen=True)
class Layout:
    """Where run groups are made: the parent folder in each hierarchy (one folder on v2)."""

    version: int
    memory: Path  # the parent group in the memory hierarchy (v2: the unified one)
    pids: Path | None  # v1: the parent group in the pids hierarchy, when it is mounted; v2: same as memory


def _base_name() -> str:
    return os.environ.get("MLASSESS_SANDBOX_CGROUP", "mlassess-sandbox")


def _mounts() -> list[tuple[str, str, set[str]]]:
    """(mount point, filesystem type, options) of every cgroup filesystem mounted here."""
    found = []
    try:
        lines = MOUNTINFO.read_text().splitlines()
    except OSError:
        return []
    for line in lines:
        left, _, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if len(fields) < 5 or len(tail) < 3 or tail[0] not in ("cgroup", "cgroup2"):
            continue
        point = fields[4].replace("\\040", " ")
        found.append((point, tail[0], set(tail[2].split(","))))
    return found


@lru_cache(maxsize=1)
def layout() -> Layout | None:
    """The cgroup layout for run groups, found and prepared once per process; None when there is none."""
    try:
        found = _prepare()
    except OSError as exc:
        _unavailable.append(f"cannot prepare cgroups: {exc}")
        found = None
    if found is None:
        log.warning("sandbox: no usable cgroup (%s); each run is limited to one process", unavailable_reason())
    else:
        _remove_groups_of_dead_workers(found)
    return found


def unavailable_reason() -> str:
    return _unavailable[-1] if _unavailable else ""


def _prepare() -> Layout | None:
    mounts = _mounts()
    name = _base_name()
    v1_memory = next((Path(p) for p, kind, opts in mounts if kind == "cgroup" and "memory" in opts), None)
    if v1_memory is not None:
        v1_pids = next((Path(p) for p, kind, opts in mounts if kind == "cgroup" and "pids" in opts), None)
        (v1_memory / name).mkdir(exist_ok=True)
        if v1_pids is not None:
            (v1_pids / name).mkdir(exist_ok=True)
        return Layout(1, v1_memory / name, v1_pids / name if v1_pids else None)
    for point, kind, _ in mounts:
        if kind != "cgroup2":
            continue
        root = Path(point)
        if "memory" not in (root / "cgroup.controllers").read_text().split():
            continue
        base = root / name
        base.mkdir(exist_ok=True)
        # Controllers reach a group only through its parent's subtree_control. The top of a hierarchy may
        # hold processes; a group below it may not when it hands controllers on (the "no internal
        # processes" rule), which is why the parent is ours alone and processes live only in the leaves.
        wanted = {"memory", "pids"} & set((root / "cgroup.controllers").read_text().split())
        for group in (root, base):
            enabled = set((group / "cgroup.subtree_control").read_text().split())
            if wanted - enabled:
                _write(group / "cgroup.subtree_control", " ".join(f"+{c}" for c in sorted(wanted - enabled)))
        return Layout(2, base, base if "pids" in wanted else None)
    _unavailable.append("no cgroup hierarchy with the memory controller is mounted")
    return None


def _remove_groups_of_dead_workers(found: Layout) -> None:
    """Zygote groups of worker processes that died without cleaning up (a SIGKILL) are empty: remove them."""
    for parent in {found.memory, found.pids} - {None}:
        for group in parent.glob("zygote-*"):
            owner = group.name.split("-")[1]
            if owner.isdigit() and not Path(f"/proc/{owner}").exists():
                try:
                    group.rmdir()
                except OSError:
                    pass  # not empty after all, or another worker removed it first


class RunGroup:
    """One run's cgroup (one folder per hierarchy): its limits, its members and what the kernel counted."""

    def __init__(self, found: Layout, name: str):
        self.layout = found
        self.folders = [found.memory / name]
        if found.pids is not None and found.pids != found.memory:
            self.folders.append(found.pids / name)
        for folder in self.folders:
            folder.mkdir(exist_ok=True)
        self.memory = self.folders[0]
        self.pids_folder = found.pids / name if found.pids is not None else None
        self._oom_baseline = 0
        self._oom_fd: int | None = None  # the file with the OOM-kill count, kept open: it is read often
        self._peak_fd: int | None = None
        self._limits: tuple[int, int] | None = None  # as last written

    # ---------------------------------------------------------------- limits and counters

    def prepare_run(self, *, memory_bytes: int, processes: int) -> None:
        """Set this run's limits and start its counters (OOM kills, peak usage) from here."""
        if self._limits != (memory_bytes, processes):
            if self.layout.version == 1:
                self._write_v1_memory_limit(memory_bytes)
            else:
                _write(self.memory / "memory.max", str(memory_bytes))
                self._try_write(self.memory / "memory.swap.max", "0")
            if self.pids_folder is not None:
                _write(self.pids_folder / "pids.max", str(processes))
            self._limits = (memory_bytes, processes)
        if self.layout.version == 1:
            self._try_write(self.memory / "memory.max_usage_in_bytes", "0")
        else:
            self._open_peak()
        self._oom_baseline = self._oom_kills_total()

    def _write_v1_memory_limit(self, value: int) -> None:
        limit, with_swap = self.memory / "memory.limit_in_bytes", self.memory / "memory.memsw.limit_in_bytes"
        # memory.limit_in_bytes may never exceed memory.memsw.limit_in_bytes: order the writes accordingly.
        try:
            _write(limit, str(value))
        except OSError as exc:
            if exc.errno != errno.EINVAL or not with_swap.exists():
                raise
            _write(with_swap, str(value))
            _write(limit, str(value))
        if with_swap.exists():
            _write(with_swap, str(value))

    def _open_peak(self) -> None:
        """v2: memory.peak is reset per open file on kernels from 6.12; older ones keep the group's lifetime peak."""
        self._close_peak()
        try:
            fd = os.open(self.memory / "memory.peak", os.O_RDWR)
        except OSError:
            return
        try:
            os.write(fd, b"reset\n")
        except OSError:
            os.close(fd)  # not resettable: the figure would not be this run's
            return
        self._peak_fd = fd

    def _close_peak(self) -> None:
        if self._peak_fd is not None:
            os.close(self._peak_fd)
            self._peak_fd = None

    def _oom_kills_total(self) -> int:
        if self._oom_fd is None:
            name = "memory.oom_control" if self.layout.version == 1 else "memory.events"
            self._oom_fd = os.open(self.memory / name, os.O_RDONLY | os.O_CLOEXEC)
        for line in os.pread(self._oom_fd, 4096, 0).decode().splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        return 0

    def oom_killed(self) -> bool:
        """Whether the kernel killed a process of this group for memory since prepare_run()."""
        return self._oom_kills_total() > self._oom_baseline

    def peak_bytes(self) -> int | None:
        """The most memory the group held since prepare_run(), when the kernel can say."""
        if self.layout.version == 1:
            return int((self.memory / "memory.max_usage_in_bytes").read_text())
        if self._peak_fd is None:
            return None
        return int(os.pread(self._peak_fd, 64, 0))

    # ---------------------------------------------------------------- members

    def join_fds(self) -> list[int]:
        """Open descriptors of the group's member lists: a process joins by writing "0" to each."""
        return [os.open(folder / "cgroup.procs", os.O_WRONLY | os.O_CLOEXEC) for folder in self.folders]

    def members(self) -> list[int]:
        """Pids (as this process sees them) of every process in the group."""
        try:
            return [int(p) for p in (self.memory / "cgroup.procs").read_text().split()]
        except FileNotFoundError:
            return []

    def kill_members(self, *, spare: int | None = None, timeout: float = 5.0) -> bool:
        """SIGKILL every member but `spare` until none is left; False if some survived `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            left = [pid for pid in self.members() if pid != spare]
            if not left:
                return True
            if time.monotonic() > deadline:
                return False
            for pid in left:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.002)

    def remove(self) -> None:
        """Remove the group's folders (it must be empty)."""
        self._close_peak()
        if self._oom_fd is not None:
            os.close(self._oom_fd)
            self._oom_fd = None
        for folder in self.folders:
            try:
                folder.rmdir()
            except OSError as exc:
                log.warning("sandbox: could not remove cgroup %s: %s", folder, exc)

    @staticmethod
    def _try_write(path: Path, value: str) -> None:
        try:
            _write(path, value)
        except OSError:
            pass  # an optional control this kernel does not have (swap accounting off, no peak reset)


def _write(path: Path, value: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        os.write(fd, value.encode())
    finally:
        os.close(fd)
