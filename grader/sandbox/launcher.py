"""Running untrusted code: bubblewrap namespaces, rlimits, a wall-clock kill, capped output.

The sandbox sees: the Python interpreter and its standard library (no site-packages), the packages the task
allows (mounted one by one), the harness, and a task folder holding the submission and the case inputs,
all read-only; plus small tmpfs scratch folders. It has no network (its own empty network namespace), its own
PID namespace (it cannot see or signal the host's processes, and everything in it dies with the run), no
environment of ours, no capabilities, and it runs as an unprivileged user id that no other run holds at
the same time, so that the process-count limit counts only its own processes.

Trusted code writes the task folder before the run and removes it after, never reading anything from it;
results come back on one pipe (its fd number is the harness's argument), read with a size cap. A seccomp
filter (sandbox/seccomp.py) denies system calls no run needs. Without a working bubblewrap this module refuses
to run anything (SandboxUnavailable); there is no unsandboxed fallback.
"""

from __future__ import annotations

import fcntl
import json
import os
import resource
import selectors
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from grader.sandbox.seccomp import filter_program

HARNESS = Path(__file__).with_name("harness.py")
# The interpreter the sandbox runs: the base installation behind this virtualenv (stdlib only).
PYTHON_HOME = Path(sys.base_prefix)
PYTHON_VERSION = f"python{sys.version_info.major}.{sys.version_info.minor}"
SITE_PACKAGES = Path(sysconfig.get_paths()["purelib"])
# Folders of site-packages that make up each package a task may allow.
PACKAGE_FOLDERS = {
    "numpy": ["numpy", "numpy.libs"],
    "scipy": ["scipy", "scipy.libs"],
    "sklearn": ["sklearn", "scikit_learn.libs", "joblib", "threadpoolctl.py", "narwhals"],
    # pandas imports dateutil (which imports six); tzdata is zoneinfo's fallback for time zones.
    "pandas": ["pandas", "dateutil", "six.py", "tzdata"],
}
PACKAGE_NEEDS = {"sklearn": ["numpy", "scipy"], "scipy": ["numpy"], "pandas": ["numpy"]}
# Debian's own Python packages live under /usr, which the sandbox needs for libc: hide them.
HIDDEN_UNDER_USR = ["/usr/lib/python3/dist-packages", "/usr/local/lib"]
MAX_OUTPUT_BYTES = 64 * 1024  # stdout + stderr of the whole run
MAX_RESULT_BYTES = 16 * 1024 * 1024  # the result channel
SCRATCH_BYTES = 32 * 1024 * 1024


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
    output: str = ""  # what the process printed outside the harness's capture, capped
    exit_code: int | None = None
    seconds: float = 0.0


SANDBOX_UIDS = range(61000, 64000)
UID_LOCKS = Path(tempfile.gettempdir()) / "mlassess-sandbox-uids"
# The uids this process has run code as: what its own checks for leftover processes look at (another
# worker's live run on the same host is not a leftover of ours).
uids_used_here: set[int] = set()


@contextmanager
def claimed_uid():
    """An unprivileged user id that no other run on this host holds right now.

    Each run needs a uid of its own: RLIMIT_NPROC counts per uid, and after the run every process of that
    uid is killed. A lock file per uid (flock, released when the run ends or its process dies) keeps
    concurrent workers apart; the search starts at a pid-derived slot so workers rarely contend.
    """
    UID_LOCKS.mkdir(mode=0o700, exist_ok=True)
    start = os.getpid()
    for offset in range(len(SANDBOX_UIDS)):
        uid = SANDBOX_UIDS[(start + offset) % len(SANDBOX_UIDS)]
        handle = open(UID_LOCKS / str(uid), "a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        uids_used_here.add(uid)
        try:
            yield uid
        finally:
            handle.close()  # closing releases the lock
        return
    raise SandboxUnavailable("every sandbox user id is in use")


def package_mounts(packages: list[str]) -> list[tuple[Path, str]]:
    """(source, target) pairs for the allowed packages and what they need to import."""
    wanted: list[str] = []
    for name in packages:
        for dep in PACKAGE_NEEDS.get(name, []) + [name]:
            if dep not in wanted:
                wanted.append(dep)
    mounts = []
    for name in wanted:
        if name not in PACKAGE_FOLDERS:
            raise ValueError(f"unknown package {name!r}; known: {', '.join(PACKAGE_FOLDERS)}")
        for folder in PACKAGE_FOLDERS[name]:
            source = SITE_PACKAGES / folder
            if source.exists():
                mounts.append((source, f"/packages/{folder}"))
    return mounts


def bwrap_command(task_dir: Path, packages: list[str], uid: int, seccomp_fd: int, result_fd: int) -> list[str]:
    """The full argv (never a shell string) that runs the harness inside bubblewrap."""
    cmd = [
        shutil.which("bwrap") or "bwrap",
        "--seccomp", str(seccomp_fd),
        # New PID, network, IPC, UTS and cgroup namespaces. No user namespace: bwrap runs as root to mount,
        # then setpriv drops to a real unprivileged uid of the host, so host rlimits apply to it.
        "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
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
            cmd += ["--tmpfs", hidden]
    cmd += [
        "--proc", "/proc",
        "--dev", "/dev",
        "--ro-bind", str(PYTHON_HOME), "/python",
        "--tmpfs", f"/python/lib/{PYTHON_VERSION}/site-packages",
        "--perms", "0755", "--dir", "/packages",
    ]
    for source, target in package_mounts(packages):
        cmd += ["--ro-bind", str(source), target]
    cmd += [
        "--perms", "0755", "--dir", "/harness",
        "--ro-bind", str(HARNESS), "/harness/harness.py",
        "--ro-bind", str(task_dir), "/task",
        "--size", str(SCRATCH_BYTES), "--perms", "1777", "--tmpfs", "/work",
        "--size", str(SCRATCH_BYTES // 2), "--perms", "1777", "--tmpfs", "/tmp",
        "--chdir", "/work",
        "--",
        "setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
        "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs",
        f"/python/bin/{PYTHON_VERSION}", "-I", "-S", "-B", "/harness/harness.py", str(result_fd),
    ]
    return cmd


def _limit_child(limits: Limits):
    """rlimits with soft = hard, set in the child before bwrap starts; bwrap and the harness inherit them."""

    def apply():
        pairs = [
            (resource.RLIMIT_AS, limits.memory_mb * 1024 * 1024 + 256 * 1024 * 1024),  # + bwrap and interpreter
            (resource.RLIMIT_CPU, int(limits.time_seconds) + 2),
            (resource.RLIMIT_NPROC, limits.processes),
            (resource.RLIMIT_NOFILE, limits.open_files),
            (resource.RLIMIT_FSIZE, limits.file_size_mb * 1024 * 1024),
            (resource.RLIMIT_CORE, 0),
        ]
        # RLIMIT_NPROC binds only the unprivileged uid the harness runs as: root (bwrap) is exempt from it.
        for which, value in pairs:
            resource.setrlimit(which, (value, value))

    return apply


def check_sandbox() -> None:
    """Raise SandboxUnavailable, saying why, unless a trivial run through the real sandbox succeeds."""
    if shutil.which("bwrap") is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed: run `apt-get install bubblewrap` as root")
    if shutil.which("setpriv") is None:
        raise SandboxUnavailable("setpriv (util-linux) is not installed")
    outcome = run_sandboxed(
        submission="def probe():\n    return 42\n",
        run={"entry_point": "probe", "mode": "function", "cases": [{"id": "probe", "args": []}], "packages": []},
        packages=[],
        limits=Limits(time_seconds=10),
    )
    values = [r.get("value") for r in outcome.records if r.get("event") == "case"]
    if values != [42]:
        raise SandboxUnavailable(
            f"bubblewrap is installed but a test run failed (exit {outcome.exit_code}): {outcome.output[-500:]}"
        )


def run_sandboxed(*, submission: str, run: dict, packages: list[str], limits: Limits) -> RunOutcome:
    """Run the harness on `run` (entry point, mode, cases) against `submission` inside the sandbox.

    Returns what was observed; decides nothing about correctness. Raises SandboxUnavailable if bubblewrap
    cannot be started at all.
    """
    if shutil.which("bwrap") is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed: run `apt-get install bubblewrap` as root")
    task_dir = Path(tempfile.mkdtemp(prefix="mlassess-task-"))
    try:
        (task_dir / "submission.py").write_text(submission, encoding="utf-8")
        (task_dir / "run.json").write_text(json.dumps(run), encoding="utf-8")
        os.chmod(task_dir, 0o755)
        for name in ("submission.py", "run.json"):
            os.chmod(task_dir / name, 0o644)
        with claimed_uid() as uid:
            return _run_as(uid, task_dir, packages, limits)
    finally:
        # Removing the folder we made is the only thing trusted code does to it after the run; it was
        # mounted read-only, so the sandbox could not have planted anything in it.
        shutil.rmtree(task_dir, ignore_errors=True)


def _run_as(uid: int, task_dir: Path, packages: list[str], limits: Limits) -> RunOutcome:
    """One run as `uid`; afterwards no process of that uid is left."""
    seccomp_read, seccomp_write = os.pipe()
    result_read, result_write = os.pipe()
    try:
        os.write(seccomp_write, filter_program())  # a few hundred bytes: fits the pipe's buffer
        os.close(seccomp_write)
        cmd = bwrap_command(task_dir, packages, uid, seccomp_fd=seccomp_read, result_fd=result_write)
        return _execute(cmd, limits, result_read=result_read, result_write=result_write, seccomp_fd=seccomp_read)
    finally:
        os.close(seccomp_read)
        _reap_leftovers(uid)


def _execute(cmd: list[str], limits: Limits, *, result_read: int, result_write: int, seccomp_fd: int) -> RunOutcome:
    """Run `cmd`, collecting stdout (capped) and the result pipe (capped) until both close or time runs out."""
    outcome = RunOutcome()
    start = time.monotonic()
    deadline = start + limits.time_seconds + 1.0  # + interpreter start-up
    try:
        process = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            # Only these reach bwrap (and the harness, which is told the result fd's number); every other
            # descriptor of the worker (database and broker sockets, files) is closed.
            pass_fds=(result_write, seccomp_fd),
            close_fds=True,
            preexec_fn=_limit_child(limits),
            start_new_session=True,
        )
    except OSError as exc:
        os.close(result_read)
        os.close(result_write)
        raise SandboxUnavailable(f"could not start bubblewrap: {exc}") from exc
    os.close(result_write)
    output, results = bytearray(), bytearray()
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ, "output")
    selector.register(result_read, selectors.EVENT_READ, "results")
    open_streams = 2
    try:
        while open_streams:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                outcome.timed_out = True
                break
            for key, _ in selector.select(timeout=min(remaining, 0.5)):
                fd = key.fileobj if isinstance(key.fileobj, int) else key.fileobj.fileno()
                chunk = os.read(fd, 65536)
                if not chunk:
                    selector.unregister(key.fileobj)
                    open_streams -= 1
                    continue
                target = output if key.data == "output" else results
                target += chunk
                if len(output) > MAX_OUTPUT_BYTES or len(results) > MAX_RESULT_BYTES:
                    outcome.output_exceeded = True
                    open_streams = 0
                    break
    finally:
        selector.close()
        _kill_group(process)
        os.close(result_read)
        process.stdout.close()
    outcome.exit_code = process.returncode
    outcome.seconds = time.monotonic() - start
    outcome.output = bytes(output[:MAX_OUTPUT_BYTES]).decode("utf-8", "replace")
    outcome.records, outcome.malformed = _parse_records(bytes(results))
    return outcome


def _kill_group(process: subprocess.Popen) -> None:
    """Kill bubblewrap and everything it started; the PID namespace takes the rest with it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def _processes_of(uid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/status") as f:
                    uids = next(line for line in f if line.startswith("Uid:")).split()[1:]
            except (OSError, StopIteration):
                continue
            if str(uid) in uids:
                pids.append(int(entry))
    return pids


def _reap_leftovers(uid: int) -> None:
    """Make sure no process of the sandbox's user outlives the run (the namespace teardown is asynchronous)."""
    deadline = time.monotonic() + 5
    while (pids := _processes_of(uid)) and time.monotonic() < deadline:
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.01)


def _parse_records(data: bytes) -> tuple[list[dict], bool]:
    records, malformed = [], False
    for line in data.splitlines():
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            malformed = True
            continue
        if isinstance(record, dict):
            records.append(record)
        else:
            malformed = True
    return records, malformed
