"""Running untrusted code: bubblewrap namespaces, a cgroup per run, rlimits, a wall-clock kill, capped output.

The sandbox sees: the Python interpreter and its standard library (no site-packages), the packages the task
allows (mounted one by one), the harness, and a task folder holding the submission and the case inputs,
all read-only; plus small tmpfs scratch folders. It has no network (a network namespace of its own, a warm
run's shared with the others of its zygote, and no socket of any kind), its own PID namespace (it cannot see or signal the host's processes, and everything in
it dies with the run), no environment of ours, no capabilities, and it runs as an unprivileged user id that no
other run holds at the same time, so that the process-count limit counts only its own processes. A cgroup of its
own bounds the memory of all its processes and its scratch together (sandbox/cgroups.py); without one, a run gets
one process.

Two paths lead there. The warm path (sandbox/warm.py, sandbox/zygote.py): each worker process keeps a zygote per
package set, a trusted process inside the same view with the packages already imported, that forks each run
into fresh namespaces and drops it to the run's uid, rlimits and seccomp filter; the child reads its own
submission and inputs from a pipe after the fork. The cold path (this module): a fresh bubblewrap and
interpreter per run, reading a task folder that trusted code writes before the run and removes after, never
reading anything from it. The cold path serves while a zygote starts or after one failed.

Either way, results come back on one pipe, read with a size cap; stdout and stderr on another, capped. A
seccomp filter (sandbox/seccomp.py) denies system calls no run needs. Without a working bubblewrap this module
refuses to run anything (SandboxUnavailable); there is no unsandboxed fallback.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import fcntl
import json
import logging
import os
import resource
import selectors
import shutil
import signal
import socket
import struct
import subprocess
import sys
import sysconfig
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from grader.sandbox import cgroups, uids, warm
from grader.sandbox.harness import MAX_ITEMS
from grader.sandbox.seccomp import filter_program
from grader.sandbox.uids import SANDBOX_UIDS, UID_LOCKS, uids_used_here  # noqa: F401  (their home was here)

log = logging.getLogger(__name__)

HARNESS = Path(__file__).with_name("harness.py")
ZYGOTE = Path(__file__).with_name("zygote.py")
# The interpreter the sandbox runs: the base installation behind this virtualenv (stdlib only).
PYTHON_HOME = Path(sys.base_prefix)
PYTHON_VERSION = f"python{sys.version_info.major}.{sys.version_info.minor}"
SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"])
# Folders of site-packages that make up each package a task may allow (the key is its module name), and the
# packages each needs to import. A package's zygote imports it before any run.
PACKAGE_FOLDERS = {
    "numpy": ["numpy", "numpy.libs"],
    "scipy": ["scipy", "scipy.libs"],
    "sklearn": ["sklearn", "scikit_learn.libs", "joblib", "threadpoolctl.py", "narwhals"],
    # pandas imports dateutil (which imports six); tzdata is zoneinfo's fallback for time zones.
    "pandas": ["pandas", "dateutil", "six.py", "tzdata"],
}
PACKAGE_NEEDS = {"sklearn": ["numpy", "scipy"], "scipy": ["numpy"], "pandas": ["numpy"]}
# Modules a package's zygote imports besides the package itself: what tasks' solutions commonly use, so
# that their runs find them loaded.
PACKAGE_PRELOAD = {
    "sklearn": ["sklearn.compose", "sklearn.dummy", "sklearn.ensemble", "sklearn.impute", "sklearn.linear_model",
                "sklearn.model_selection", "sklearn.neighbors", "sklearn.pipeline", "sklearn.preprocessing",
                "sklearn.tree"],
}
# The package sets whose zygotes a worker process starts as soon as it starts (others start on first use).
PRESTARTED = ([], ["numpy"], ["numpy", "sklearn"], ["numpy", "pandas"], ["numpy", "pandas", "sklearn"])
# Debian's own Python packages live under /usr, which the sandbox needs for libc: hide them.
HIDDEN_UNDER_USR = ["/usr/lib/python3/dist-packages", "/usr/local/lib"]
MAX_OUTPUT_BYTES = 64 * 1024  # stdout + stderr of the whole run
MAX_RESULT_BYTES = 16 * 1024 * 1024  # the result channel
MAX_RECORD_CONTAINERS = MAX_ITEMS  # lists and dicts in one record (brackets in its text count too: a bound)
SCRATCH_BYTES = 32 * 1024 * 1024  # /work; /tmp gets half
MiB = 1024 * 1024
START_UP_SECONDS = 1.0  # added to a task's time limit for the interpreter's start (the cold path's)
TICK_SECONDS = 0.05  # how often a run's cgroup is checked for a process killed for memory
# Results are read at most this often: a case's record waits in the pipe (never lost) instead of waking the
# worker per case, which cost more CPU than short cases themselves.
RESULTS_BATCH_SECONDS = 0.001


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot run here; nothing was executed."""


@dataclass(frozen=True)
class Limits:
    time_seconds: float = 5.0
    memory_mb: int = 512
    processes: int = 16
    open_files: int = 64
    file_size_mb: int = 16


@dataclass
class RunOutcome:
    """What the trusted side observed of one sandboxed run (the records are still to be validated)."""

    records: list[dict] = field(default_factory=list)
    malformed: bool = False  # a record that is not a JSON object: the channel was tampered with
    timed_out: bool = False
    output_exceeded: bool = False
    memory_exceeded: bool = False  # the kernel killed a process of the run because its cgroup was full
    output: str = ""  # what the process printed outside the harness's capture, capped
    exit_code: int | None = None
    seconds: float = 0.0
    memory_peak_mb: float | None = None  # the run's cgroup at its fullest, where the kernel says
    warm: bool = False  # forked from a zygote (else a fresh bubblewrap and interpreter)


@contextmanager
def claimed_uid():
    """An unprivileged user id that no other run on this host holds, for the length of a with-block."""
    uid, claim = _claim_uid()
    try:
        yield uid
    finally:
        claim.close()


def _claim_uid():
    try:
        return uids.claim_uid()
    except uids.NoFreeUid as exc:
        raise SandboxUnavailable(str(exc)) from exc


# ------------------------------------------------------------------------------------------ the view

def package_set(packages: list[str]) -> tuple[str, ...]:
    """The packages a run sees: those allowed and what they need, in import order. Unknown names raise."""
    wanted: list[str] = []
    for name in packages:
        for dep in PACKAGE_NEEDS.get(name, []) + [name]:
            if dep not in PACKAGE_FOLDERS:
                raise ValueError(f"unknown package {dep!r}; known: {', '.join(PACKAGE_FOLDERS)}")
            if dep not in wanted:
                wanted.append(dep)
    return tuple(wanted)


def package_mounts(packages: list[str]) -> list[tuple[Path, str]]:
    """(source, target) pairs for the allowed packages and what they need to import."""
    mounts = []
    for name in package_set(packages):
        for folder in PACKAGE_FOLDERS[name]:
            source = SITE_PACKAGES / folder
            if source.exists():
                mounts.append((source, f"/packages/{folder}"))
    return mounts


def _view(packages: list[str]) -> list[str]:
    """bubblewrap's arguments for what every run sees, cold or warm: read-only system, interpreter, packages."""
    args = [
        # New PID, network, IPC and UTS namespaces. No user namespace: bwrap runs as root to mount, and the
        # run then drops to a real unprivileged uid of the host, so host rlimits apply to it.
        "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
        "--die-with-parent",
        "--new-session",
        "--clearenv",
        "--setenv", "LD_LIBRARY_PATH", "/python/lib",
        "--setenv", "OPENBLAS_NUM_THREADS", "1",
        "--setenv", "OMP_NUM_THREADS", "1",
        "--setenv", "MKL_NUM_THREADS", "1",
        "--setenv", "HOME", "/work",
        "--setenv", "TMPDIR", "/tmp",
        "--setenv", "PATH", "/usr/bin:/bin",
        "--ro-bind", "/usr", "/usr",
        "--symlink", "usr/lib", "/lib",
        "--symlink", "usr/lib64", "/lib64",
        "--symlink", "usr/bin", "/bin",
    ]
    for hidden in HIDDEN_UNDER_USR:
        if Path(hidden).is_dir():
            args += ["--tmpfs", hidden]
    args += [
        "--proc", "/proc",
        "--dev", "/dev",
        # No POSIX shared memory or semaphores, even for the zygote, which runs as root: packages it imports
        # then take the same paths as in a run (joblib settles for serial mode, as a run's uid finds).
        "--tmpfs", "/dev/shm", "--remount-ro", "/dev/shm",
        "--ro-bind", str(PYTHON_HOME), "/python",
        "--tmpfs", f"/python/lib/{PYTHON_VERSION}/site-packages",
        "--perms", "0755", "--dir", "/packages",
    ]
    for source, target in package_mounts(packages):
        args += ["--ro-bind", str(source), target]
    args += ["--perms", "0755", "--dir", "/harness", "--ro-bind", str(HARNESS), "/harness/harness.py"]
    return args


def _interpreter() -> list[str]:
    return [f"/python/bin/{PYTHON_VERSION}", "-I", "-S", "-B"]


def bwrap_command(task_dir: Path, packages: list[str], uid: int, seccomp_fd: int, result_fd: int) -> list[str]:
    """The cold path's full argv (never a shell string): a fresh bubblewrap and interpreter for one run."""
    return [
        shutil.which("bwrap") or "bwrap",
        "--seccomp", str(seccomp_fd),
        "--unshare-cgroup-try",
        *_view(packages),
        "--ro-bind", str(task_dir), "/task",
        "--size", str(SCRATCH_BYTES), "--perms", "1777", "--tmpfs", "/work",
        "--size", str(SCRATCH_BYTES // 2), "--perms", "1777", "--tmpfs", "/tmp",
        "--chdir", "/work",
        "--",
        "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
        "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs",
        *_interpreter(), "/harness/harness.py", str(result_fd),
    ]


# What the zygote needs to build each run (see zygote.py); bwrap drops every other capability.
ZYGOTE_CAPABILITIES = ["CAP_SYS_ADMIN", "CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP", "CAP_KILL"]


def zygote_command(packages: list[str], control_fd: int, seccomp_fd: int, group_fds: list[int]) -> list[str]:
    """The warm path's argv: a zygote for this package set, in the same view, with empty mount points for
    each run's /task, /work and /tmp, and the packages' modules to import before any run."""
    modules = []
    for name in package_set(packages):
        modules += [name, *PACKAGE_PRELOAD.get(name, [])]
    capabilities = []
    for name in ZYGOTE_CAPABILITIES:
        capabilities += ["--cap-add", name]
    return [
        shutil.which("bwrap") or "bwrap",
        "--cap-drop", "ALL", *capabilities,
        *_view(packages),
        "--ro-bind", str(ZYGOTE), "/harness/zygote.py",
        "--perms", "0755", "--dir", "/task",
        "--perms", "0755", "--dir", "/work",
        "--perms", "0755", "--dir", "/tmp",
        "--chdir", "/",
        "--",
        *_interpreter(), "/harness/zygote.py", str(control_fd), str(seccomp_fd),
        ",".join(map(str, group_fds)), str(SCRATCH_BYTES), *modules,
    ]


def _watched_files(packages: tuple[str, ...]) -> list[Path]:
    """The files a zygote depends on: if one changes on disk, the zygote is stale."""
    sources = [source for source, _ in package_mounts(list(packages))]
    return [*sources, HARNESS, ZYGOTE, PYTHON_HOME / "bin" / PYTHON_VERSION]


# ------------------------------------------------------------------------------------------ zygotes

_zygotes = warm.Zygotes()
atexit.register(_zygotes.stop_all)


def _warm_path_enabled() -> bool:
    """MLASSESS_SANDBOX_WARM=0 sends every run down the cold path (the security suite runs both)."""
    return os.environ.get("MLASSESS_SANDBOX_WARM", "1") != "0"


def start_zygote(packages: list[str], *, wait: float = 0.0) -> bool:
    """Start this process's zygote for a package set if it has none; True once it is ready (waits `wait` s)."""
    key = package_set(packages)
    _zygotes.start(key, lambda *fds: zygote_command(list(key), *fds), _watched_files(key))
    deadline = time.monotonic() + wait
    while True:
        zygote = _zygotes.acquire(key)
        if zygote is not None:
            _zygotes.release(zygote)
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


def start_zygotes() -> None:
    """Start the zygotes of the common package sets without waiting (a worker process calls this at start)."""
    if _warm_path_enabled():
        for packages in PRESTARTED:
            start_zygote(packages)


def stop_zygotes() -> None:
    _zygotes.stop_all()


def zygote_of(packages: list[str]) -> warm.Zygote | None:
    """This process's zygote for a package set, if it has one (for tests and the benchmark)."""
    return _zygotes.by_packages.get(package_set(packages))


# ------------------------------------------------------------------------------------------ running

def _require_bubblewrap() -> None:
    if shutil.which("bwrap") is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed: run `apt-get install bubblewrap` as root")


def check_sandbox() -> None:
    """Raise SandboxUnavailable, saying why, unless a trivial run through the real sandbox succeeds."""
    _require_bubblewrap()
    if shutil.which("setpriv") is None:
        raise SandboxUnavailable("setpriv (util-linux) is not installed")
    if cgroups.layout() is None:
        log.warning("sandbox: %s; each run is limited to one process", cgroups.unavailable_reason())
    with claimed_uid() as uid:
        outcome = _run_cold(
            uid,
            submission="def probe():\n    return 42\n",
            run_json=json.dumps({"entry_point": "probe", "mode": "function", "cases": [{"id": "probe", "args": []}],
                                 "packages": []}).encode(),
            packages=[],
            limits=Limits(time_seconds=10),
        )
    values = [r.get("value") for r in outcome.records if r.get("event") == "case"]
    if values != [42]:
        raise SandboxUnavailable(
            f"bubblewrap is installed but a test run failed (exit {outcome.exit_code}): {outcome.output[-500:]}"
        )


def run_sandboxed(*, submission: str, run: dict | bytes, packages: list[str], limits: Limits) -> RunOutcome:
    """Run the harness on `run` (entry point, mode, cases) against `submission` inside the sandbox.

    `run` is a dict, or its JSON already encoded (a caller that sends the same run again keeps it encoded).
    Forks the run from this process's zygote for the package set when it has a ready one, else runs it cold
    (and starts the zygote for the next runs). Returns what was observed; decides nothing about correctness.
    Raises SandboxUnavailable if bubblewrap cannot be started at all.
    """
    run_json = run if isinstance(run, bytes) else json.dumps(run).encode()
    zygote = None
    if _warm_path_enabled():
        zygote = _zygotes.acquire(package_set(packages))
        if zygote is None:
            start_zygote(packages)
    if zygote is not None:
        uid, claim = _claim_uid()
        try:
            outcome, number = _run_warm(zygote, uid, submission, run_json, limits)
        except warm.ZygoteFailed as exc:
            _zygotes.replace(zygote, str(exc))  # which kills all it had; nothing usable came of it: run cold
            uids.reap_leftovers(uid)
            claim.close()
        else:
            zygote.run_handed_back(number, uid, claim)
            _zygotes.release(zygote, succeeded=True)
            return outcome
    with claimed_uid() as uid:
        return _run_cold(uid, submission, run_json, packages, limits)


def settle() -> None:
    """Return once every run this process started has ended for good (warm runs hand back their outcome
    before their namespaces are torn down)."""
    _zygotes.settle()


def _group_limits(limits: Limits) -> tuple[int, int]:
    """(memory bytes, processes) for a run's cgroup: the task's limits plus our fixed overheads."""
    return (limits.memory_mb + cgroups.RUN_OVERHEAD_MB) * MiB, limits.processes + cgroups.OWN_PROCESSES


def _run_warm(zygote: warm.Zygote, uid: int, submission: str, run_json: bytes,
              limits: Limits) -> tuple[RunOutcome, int]:
    """One run, forked ahead by `zygote`, handed back as soon as its outcome is known; the zygote confirms
    its end later (Zygote.finish_run). Returns the outcome and the run's number with the zygote.
    Raises ZygoteFailed (having killed whatever the run started) when the outcome is not usable."""
    group = zygote.group
    if group is None:
        limits = dataclasses.replace(limits, processes=1)  # no cgroup: refuse to fork rather than run unbounded
    submission_bytes = submission.encode()
    payload = struct.pack(">QQ", len(submission_bytes), len(run_json)) + submission_bytes + run_json
    number, channel = zygote.take_run()
    task_read, task_write = os.pipe()
    result_read, result_write = os.pipe()
    output_read, output_write = os.pipe()
    setup_read, setup_write = os.pipe()
    try:
        if group is not None:
            memory, processes = _group_limits(limits)
            group.prepare_run(memory_bytes=memory, processes=processes)
        request = {"uid": uid, "limits": dataclasses.asdict(limits)}
        # Straight to the run's harness, waiting as root in the run's namespaces: the zygote never sees it.
        socket.send_fds(channel, [json.dumps(request).encode()], [task_read, result_write, output_write, setup_write])
        zygote.send({"took": number})  # the zygote forks the next run ahead while this one runs
    except (OSError, warm.ZygoteFailed) as exc:
        for fd in (task_write, result_read, output_read, setup_read):
            os.close(fd)
        raise warm.ZygoteFailed(f"could not hand it the run: {exc}") from exc
    finally:
        channel.close()
        for fd in (task_read, result_write, output_write, setup_write):
            os.close(fd)
    try:
        outcome = _collect(
            result_read, output_read, limits, group, task=(task_write, payload), setup_fd=setup_read, zygote=zygote,
        )
        if number not in zygote.ended:
            zygote.send({"kill": number})  # the run is pid 1 of its namespace: all of it goes with it
    except warm.ZygoteFailed:
        zygote.kill_run(uid)
        raise
    except OSError as exc:  # reading the run's cgroup, say: our side failed, not the candidate's code
        zygote.kill_run(uid)
        raise warm.ZygoteFailed(f"the run failed on our side: {exc}") from exc
    if group is not None:
        _observe_memory(outcome, group)
    return outcome, number


def _run_cold(uid: int, submission: str, run_json: bytes, packages: list[str], limits: Limits) -> RunOutcome:
    """One run through a fresh bubblewrap and interpreter; afterwards no process of that uid is left."""
    _require_bubblewrap()  # (a warm run needs none: its zygote runs already)
    found = cgroups.layout()
    group = cgroups.RunGroup(found, f"uid-{uid}") if found else None
    if group is None:
        limits = dataclasses.replace(limits, processes=1)  # no cgroup: refuse to fork rather than run unbounded
    task_dir = Path(tempfile.mkdtemp(prefix="mlassess-task-"))
    ours: list[int] = []  # descriptors to close whatever happens
    try:
        (task_dir / "submission.py").write_text(submission, encoding="utf-8")
        (task_dir / "run.json").write_bytes(run_json)
        os.chmod(task_dir, 0o755)
        for name in ("submission.py", "run.json"):
            os.chmod(task_dir / name, 0o644)
        group_fds: list[int] = []
        if group is not None:
            memory, processes = _group_limits(limits)
            group.prepare_run(memory_bytes=memory, processes=processes)
            group_fds = group.join_fds()
            ours += group_fds
        seccomp_read, seccomp_write = os.pipe()
        ours += [seccomp_read, seccomp_write]
        os.write(seccomp_write, filter_program())  # a few hundred bytes: fits the pipe's buffer
        result_read, result_write = os.pipe()
        ours.append(result_write)
        cmd = bwrap_command(task_dir, packages, uid, seccomp_fd=seccomp_read, result_fd=result_write)
        try:
            process = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                # Only these reach bwrap (and the harness, which is told the result fd's number); every other
                # descriptor of the worker (database and broker sockets, files) is closed.
                pass_fds=(result_write, seccomp_read),
                close_fds=True,
                preexec_fn=_limit_child(limits, group_fds),
                start_new_session=True,
            )
        except OSError as exc:
            os.close(result_read)
            raise SandboxUnavailable(f"could not start bubblewrap: {exc}") from exc
        for fd in ours:
            os.close(fd)
        ours = []
        try:
            outcome = _collect(result_read, process.stdout.fileno(), limits, group)
        finally:
            _kill_group(process)
            process.stdout.close()
        outcome.exit_code = process.returncode
        _kill_run(uid, group)
        if group is not None:
            _observe_memory(outcome, group)
        return outcome
    finally:
        for fd in ours:
            os.close(fd)
        if group is not None:  # made for this run (a uid's next run may have other limits, or never come)
            group.kill_members()
            group.remove()
        # Removing the folder we made is the only thing trusted code does to it after the run; it was
        # mounted read-only, so the sandbox could not have planted anything in it.
        shutil.rmtree(task_dir, ignore_errors=True)


def _limit_child(limits: Limits, group_fds: list[int]):
    """Set in the child before bwrap starts (bwrap and the harness inherit it): the run's cgroup, and rlimits
    with soft = hard."""

    def apply():
        for fd in group_fds:
            os.write(fd, b"0")  # "0" is the writing process: bwrap and all it starts are the run's
        pairs = [
            (resource.RLIMIT_AS, limits.memory_mb * MiB + 256 * MiB),  # + bwrap and a fresh interpreter
            (resource.RLIMIT_CPU, int(limits.time_seconds) + 2),
            (resource.RLIMIT_NPROC, limits.processes),
            (resource.RLIMIT_NOFILE, limits.open_files),
            (resource.RLIMIT_FSIZE, limits.file_size_mb * MiB),
            (resource.RLIMIT_CORE, 0),
        ]
        # RLIMIT_NPROC binds only the unprivileged uid the harness runs as: root (bwrap) is exempt from it.
        for which, value in pairs:
            resource.setrlimit(which, (value, value))

    return apply


def _collect(result_fd: int, output_fd: int, limits: Limits, group: cgroups.RunGroup | None, *,
             task: tuple[int, bytes] | None = None, setup_fd: int | None = None,
             zygote: warm.Zygote | None = None) -> RunOutcome:
    """Read the run's output (capped) and results (capped) until both close, time runs out or the run's
    cgroup had a process killed for memory. Closes the descriptors it is given (but a cold run's output).

    A warm run also gets its task written to the task pipe as it reads it; its harness must say on the
    set-up pipe, within warm.START_SECONDS, that the candidate's code is about to run; and its zygote must stay
    alive (its messages are taken in as they come).
    """
    outcome = RunOutcome(warm=zygote is not None)
    start = time.monotonic()
    deadline = start + limits.time_seconds + START_UP_SECONDS
    output, results = bytearray(), bytearray()
    selector = selectors.DefaultSelector()
    selector.register(output_fd, selectors.EVENT_READ, "output")
    selector.register(result_fd, selectors.EVENT_READ, "results")
    ours = [result_fd]
    pending = b""
    if zygote is not None:
        task_fd, pending = task
        os.set_blocking(task_fd, False)
        if len(pending) > 65536:  # the default pipe buffer: a bigger one takes large inputs in one go
            with contextlib.suppress(OSError):
                fcntl.fcntl(task_fd, fcntl.F_SETPIPE_SZ, min(len(pending), 1 << 20))
        with contextlib.suppress(BlockingIOError):
            pending = pending[os.write(task_fd, pending):]  # what fits now, before the run even asks
        if pending:
            selector.register(task_fd, selectors.EVENT_WRITE, "task")
        selector.register(setup_fd, selectors.EVENT_READ, "setup")
        selector.register(zygote.control, selectors.EVENT_READ, "control")
        ours += [output_fd, task_fd, setup_fd]
    set_up, open_streams = zygote is None, 2
    memory_checked = start
    results_resume = None  # while set, results wait in their pipe: read in batches, not a wake-up per case
    os.set_blocking(result_fd, False)
    try:
        while open_streams:
            now = time.monotonic()
            if results_resume is not None and now >= results_resume:
                selector.register(result_fd, selectors.EVENT_READ, "results")
                results_resume = None
            if now >= deadline:
                outcome.timed_out = True
                break
            if not set_up and now - start > warm.START_SECONDS:
                raise warm.ZygoteFailed(f"the run was not set up within {warm.START_SECONDS} s")
            if group is not None and now - memory_checked >= TICK_SECONDS:
                memory_checked = now
                if group.oom_killed():
                    outcome.memory_exceeded = True
                    break
            wait = min(deadline - now, TICK_SECONDS)
            if results_resume is not None:
                wait = min(wait, results_resume - now)
            for key, _ in selector.select(timeout=max(0.0, wait)):
                if key.data == "task":
                    try:
                        pending = pending[os.write(key.fd, pending[:1 << 20]):]
                    except BlockingIOError:
                        continue
                    except BrokenPipeError:
                        pending = b""  # the run ended before reading it all: its outcome will say so
                    if not pending:
                        selector.unregister(key.fd)
                elif key.data == "setup":
                    if os.read(key.fd, 1) != b"1":
                        raise warm.ZygoteFailed(f"the run's set-up failed: {bytes(output[-1000:]).decode(errors='replace')}")
                    set_up = True
                    selector.unregister(key.fd)
                elif key.data == "control":
                    zygote.pump(0)  # raises if the zygote is gone
                else:
                    target = output if key.data == "output" else results
                    try:
                        # Results: all there is now, then the end or, while the run goes on, a pause.
                        while chunk := os.read(key.fd, 65536):
                            target += chunk
                            if key.data == "output" or len(results) > MAX_RESULT_BYTES:
                                break
                        else:
                            selector.unregister(key.fd)
                            open_streams -= 1
                            if key.data == "output" and results_resume is not None:
                                results_resume = now  # the run has ended: its last results are all there
                    except BlockingIOError:
                        selector.unregister(key.fd)
                        results_resume = time.monotonic() + RESULTS_BATCH_SECONDS
                    if len(output) > MAX_OUTPUT_BYTES or len(results) > MAX_RESULT_BYTES:
                        outcome.output_exceeded = True
                        open_streams = 0
                        break
        if not set_up:  # the streams closed (or time ran out) before the harness was ready: our fault
            raise warm.ZygoteFailed(f"the run's set-up failed: {bytes(output[-1000:]).decode(errors='replace')}")
    finally:
        selector.close()
        for fd in ours:
            os.close(fd)
    if group is not None and group.oom_killed():
        outcome.memory_exceeded = True
    outcome.seconds = time.monotonic() - start
    outcome.output = bytes(output[:MAX_OUTPUT_BYTES]).decode("utf-8", "replace")
    outcome.records, outcome.malformed = _parse_records(bytes(results))
    return outcome


def _observe_memory(outcome: RunOutcome, group: cgroups.RunGroup) -> None:
    outcome.memory_exceeded = outcome.memory_exceeded or group.oom_killed()
    peak = group.peak_bytes()
    outcome.memory_peak_mb = round(peak / MiB, 1) if peak is not None else None


def _kill_group(process: subprocess.Popen) -> None:
    """Kill bubblewrap and everything it started; the PID namespace takes the rest with it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def _kill_run(uid: int, group: cgroups.RunGroup | None) -> None:
    """Make sure nothing of a cold run is left: every member of its cgroup and every process of its uid."""
    if group is not None:
        group.kill_members()
    uids.reap_leftovers(uid)


# json.loads without its per-call work (guessing the encoding, wrappers in Python): a third of the launcher's
# CPU per run went there, one call per case.
_decode_json = json.JSONDecoder().raw_decode
_JSON_WHITESPACE = " \t\n\r"


def _parse_records(data: bytes) -> tuple[list[dict], bool]:
    """The run's records, one JSON object per line, and whether any line was something else."""
    records, malformed = [], False
    for line in data.splitlines():
        # Parsed, "[]," costs us 56 bytes: a forged record of 16 MB of them held 450 MB of the worker for
        # seconds. The harness never writes more values in a record than MAX_ITEMS (each list and dict counts).
        if line.count(b"[") + line.count(b"{") > MAX_RECORD_CONTAINERS:
            malformed = True
            continue
        try:
            text = line.decode("utf-8").strip(_JSON_WHITESPACE)
            record, end = _decode_json(text)
            if end != len(text):
                raise ValueError("more than one value on the line")
        except (ValueError, RecursionError):
            malformed = True
            continue
        if isinstance(record, dict):
            records.append(record)
        else:
            malformed = True
    return records, malformed
