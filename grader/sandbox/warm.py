"""The warm path, worker side: one zygote per package set in each worker process (see sandbox/zygote.py).

A zygote is started through bubblewrap with the sandbox's view for its package set, imports those packages
once and then forks each run. It is replaced on any anomaly: it died, it did not answer, it did not start or
did not reap a run, a run's set-up failed, a process outlived its run, or the packages or the sandbox's own
files changed on disk since it started. While a new one starts, runs take the cold path; a package set whose
zygotes keep failing stays on the cold path (and the log says so).

Zygotes belong to the process that started them: a forked child (a Celery pool process forked from the main
worker process) starts its own.
"""

from __future__ import annotations

import array
import itertools
import json
import logging
import os
import select
import signal
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from grader.sandbox import cgroups, uids
from grader.sandbox.seccomp import filter_program

log = logging.getLogger(__name__)

# An idle zygote answers at once; these are generous bounds for a loaded machine.
START_SECONDS = 2.0  # from a run request to the harness saying it is about to run the candidate's code
REAP_SECONDS = 5.0  # from killing a run to the zygote's "exit"
GIVE_UP_AFTER = 3  # consecutive anomalies after which a package set stays on the cold path


class ZygoteFailed(Exception):
    """The zygote misbehaved; it is replaced and the run goes to the cold path."""


def fingerprint(paths: list[Path]) -> tuple:
    """What identifies the files a zygote loaded: a reinstalled package or an edited harness changes it."""
    found = []
    for path in paths:
        try:
            st = os.stat(path)
            found.append((str(path), st.st_ino, st.st_mtime_ns, st.st_size))
        except OSError:
            found.append((str(path), None))
    return tuple(found)


_names = itertools.count()
CREDENTIALS = struct.Struct("iII")  # struct ucred: pid, uid, gid
ANCILLARY_SPACE = socket.CMSG_SPACE(CREDENTIALS.size) + socket.CMSG_SPACE(8 * 4)  # the sender, and a few fds


class Zygote:
    """A running zygote, seen from the worker: its process, control socket and cgroup, and the run it offers.

    The zygote offers one run at a time, forked ahead: a channel straight to that run's harness, which the
    worker sends the run to. It reports each run's end; the worker waits for that before the next run, and
    keeps the run's uid claimed until then.
    """

    def __init__(self, *, packages: tuple[str, ...], command: Callable[[int, int, list[int]], list[str]],
                 watched: list[Path]):
        self.packages = packages
        self.command = command
        self.watched = watched
        self.fingerprint = fingerprint(watched)
        self.lock = threading.Lock()  # one run at a time
        self.ready = False
        self.runs = 0  # handed back so far
        self.pid: int | None = None  # as this process sees it
        self.offered: tuple[int, socket.socket] | None = None  # (run number, channel to its harness)
        self.ended: set[int] = set()  # runs whose end the zygote reported
        # The last run handed back while its end is unconfirmed: its number, uid and the claim on that uid.
        self.ending: tuple[int, int, IO] | None = None
        found = cgroups.layout()
        self.group = cgroups.RunGroup(found, f"zygote-{os.getpid()}-{next(_names)}") if found else None
        worker_end, zygote_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        # The kernel then says which process sent each message, as a pid of ours: how the zygote is known.
        worker_end.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        seccomp_read, seccomp_write = os.pipe()
        group_fds = self.group.join_fds() if self.group else []
        try:
            os.write(seccomp_write, filter_program())  # a few hundred bytes: fits the pipe's buffer
            os.close(seccomp_write)
            self.process = subprocess.Popen(
                command(zygote_end.fileno(), seccomp_read, group_fds),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                pass_fds=(zygote_end.fileno(), seccomp_read, *group_fds),
                close_fds=True,
                start_new_session=True,
            )
        except OSError:
            worker_end.close()
            if self.group:
                self.group.remove()
            raise
        finally:
            zygote_end.close()
            os.close(seccomp_read)
            for fd in group_fds:
                os.close(fd)
        self.control = worker_end

    # ---------------------------------------------------------------- messages

    def send(self, message: dict) -> None:
        try:
            self.control.send(json.dumps(message).encode())
        except OSError as exc:
            raise ZygoteFailed(f"cannot reach it: {exc}") from exc

    def pump(self, timeout: float) -> bool:
        """Take in the zygote's next message if one comes within `timeout` seconds (False if none came).

        Raises ZygoteFailed if the zygote is gone or says something it should not."""
        readable, _, _ = select.select([self.control], [], [], max(0.0, timeout))
        if not readable:
            return False
        try:
            data, ancillary, _, _ = self.control.recvmsg(65536, ANCILLARY_SPACE)
        except OSError as exc:
            raise ZygoteFailed(f"its control socket failed: {exc}") from exc
        fds, sender = array.array("i"), None
        for level, kind, payload in ancillary:
            if (level, kind) == (socket.SOL_SOCKET, socket.SCM_RIGHTS):
                fds.frombytes(payload[:len(payload) - len(payload) % fds.itemsize])
            elif (level, kind) == (socket.SOL_SOCKET, socket.SCM_CREDENTIALS):
                sender = CREDENTIALS.unpack(payload)[0]
        try:
            message = json.loads(data) if data else None
        except ValueError:
            message = None
        if message == {"ready": True} and not fds and not self.ready:
            self.pid, self.ready = sender, True
            if self.group is not None and (sender not in self.group.members() or self.leftovers()):
                raise ZygoteFailed(f"its cgroup holds {self.group.members()}, not the zygote ({sender}) alone")
        elif isinstance(message, dict) and set(message) == {"run"} and len(fds) == 1 and self.offered is None:
            self.offered = (message["run"], socket.socket(fileno=fds.pop()))
        elif isinstance(message, dict) and set(message) == {"exit", "run"} and not fds:
            self.ended.add(message["run"])
        else:
            for fd in fds:
                os.close(fd)
            raise ZygoteFailed(f"it exited ({self.process.poll()})" if not data else f"it said {data[:200]!r}")
        return True

    def pump_until(self, done: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not done():
            if not self.pump(deadline - time.monotonic()) and time.monotonic() >= deadline:
                raise ZygoteFailed(f"{what} did not come within {timeout} s")

    # ---------------------------------------------------------------- state

    def check_ready(self) -> bool:
        """Whether the zygote has said it is ready; raises ZygoteFailed if it failed while starting."""
        while not self.ready and self.pump(0):
            pass
        if not self.ready and self.process.poll() is not None:
            raise ZygoteFailed(f"it exited with {self.process.returncode} while starting")
        return self.ready

    def unchanged(self) -> bool:
        return fingerprint(self.watched) == self.fingerprint

    def take_run(self) -> tuple[int, socket.socket]:
        """The run the zygote offers, forked ahead: its number and the channel to its harness."""
        self.pump_until(lambda: self.offered is not None, START_SECONDS, "a run forked ahead")
        offered, self.offered = self.offered, None
        return offered

    # ---------------------------------------------------------------- ending

    def run_handed_back(self, number: int, uid: int, claim: IO) -> None:
        """The worker has its run's outcome; the run's end (its namespaces torn down) is confirmed later, by
        finish_run(), and its uid stays claimed until then."""
        self.ending = (number, uid, claim)
        self.runs += 1

    def finish_run(self) -> None:
        """Wait for the zygote to confirm its last run's end; then nothing of that run may be left.

        Raises ZygoteFailed (having killed what was left) if the zygote does not confirm, or a process of
        the run is still there."""
        if self.ending is None:
            return
        number, uid, claim = self.ending
        self.ending = None
        try:
            self.pump_until(lambda: number in self.ended, REAP_SECONDS, "the end of its run")
            self.ended.discard(number)
            if self.group is not None:
                if self.leftovers():
                    raise ZygoteFailed("a process outlived its run")
            elif uids.reap_leftovers(uid):
                raise ZygoteFailed("a process outlived its run")
        except ZygoteFailed:
            self.kill_run(uid)
            raise
        finally:
            claim.close()

    def leftovers(self) -> list[int]:
        """Processes in the zygote's cgroup other than the zygote and the run it offers, forked ahead (its
        child, pid 1 of that run's PID namespace, and whatever shares that namespace)."""
        members = self.group.members()
        offered = {_pid_namespace(pid) for pid in members if _parent(pid) == self.pid} - {None}
        namespaces = {pid: _pid_namespace(pid) for pid in members if pid != self.pid}
        return [pid for pid, ns in namespaces.items() if ns is not None and ns not in offered]  # (None: gone)

    def kill_run(self, uid: int) -> None:
        """Kill whatever a run left (in the zygote's cgroup, and of its uid), sparing the zygote."""
        if self.group is not None:
            self.group.kill_members(spare=self.pid)
        uids.reap_leftovers(uid)

    def stop(self) -> None:
        """Kill the zygote (bubblewrap's PID namespace takes everything in it along) and remove its cgroup."""
        self.control.close()
        if self.offered is not None:
            self.offered[1].close()
            self.offered = None
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        if self.group:
            self.group.kill_members()
            self.group.remove()
        if self.ending is not None:
            _, uid, claim = self.ending
            self.ending = None
            uids.reap_leftovers(uid)
            claim.close()


def _parent(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rpartition(")")[2].split()[1])
    except (OSError, ValueError, IndexError):
        return None  # gone meanwhile


def _pid_namespace(pid: int) -> str | None:
    try:
        return os.readlink(f"/proc/{pid}/ns/pid")
    except OSError:
        return None


class Zygotes:
    """This process's zygotes, by package set."""

    def __init__(self):
        self.lock = threading.Lock()
        self.by_packages: dict[tuple[str, ...], Zygote] = {}
        self.failures: dict[tuple[str, ...], int] = {}
        os.register_at_fork(after_in_child=self._forget_inherited)

    def start(self, packages: tuple[str, ...], command, watched: list[Path]) -> None:
        """Start a zygote for `packages` unless one is there already (or the set stays cold); do not wait."""
        with self.lock:
            if packages in self.by_packages or self.failures.get(packages, 0) >= GIVE_UP_AFTER:
                return
            try:
                self.by_packages[packages] = Zygote(packages=packages, command=command, watched=watched)
            except OSError as exc:
                self._failed(packages, f"could not start: {exc}")

    def acquire(self, packages: tuple[str, ...]) -> Zygote | None:
        """The ready zygote for `packages`, locked for one run, or None when the run must go cold."""
        with self.lock:
            zygote = self.by_packages.get(packages)
            if zygote is None or not zygote.lock.acquire(blocking=False):
                return None  # none yet, or busy with another thread's run
        try:
            zygote.finish_run()
            if not zygote.check_ready():
                zygote.lock.release()
                return None
            if not zygote.unchanged():
                raise ZygoteFailed("its packages or the sandbox's files changed on disk")
        except ZygoteFailed as exc:
            self.replace(zygote, str(exc))
            return None
        return zygote

    def release(self, zygote: Zygote, *, succeeded: bool = False) -> None:
        """Unlock a zygote after use; a run that succeeded clears its package set's run of failures."""
        if succeeded:
            self.failures.pop(zygote.packages, None)
        zygote.lock.release()

    def replace(self, zygote: Zygote, reason: str) -> None:
        """Stop a zygote that misbehaved (its lock held by the caller, released here) and start its successor
        (unless its package set keeps failing)."""
        log.warning("sandbox: replacing the zygote for %s: %s", list(zygote.packages) or "no packages", reason)
        with self.lock:
            if self.by_packages.get(zygote.packages) is zygote:
                del self.by_packages[zygote.packages]
        zygote.stop()
        zygote.lock.release()
        with self.lock:
            self._failed(zygote.packages, reason)
        self.start(zygote.packages, zygote.command, zygote.watched)

    def _failed(self, packages, reason) -> None:
        self.failures[packages] = self.failures.get(packages, 0) + 1
        if self.failures[packages] == GIVE_UP_AFTER:
            log.error("sandbox: zygotes for %s failed %d times in a row (%s); these runs stay on the cold path",
                      list(packages) or "no packages", GIVE_UP_AFTER, reason)

    def settle(self) -> None:
        """Wait until every zygote has confirmed the end of its last run (replacing any that cannot)."""
        for zygote in list(self.by_packages.values()):
            zygote.lock.acquire()
            try:
                zygote.finish_run()
            except ZygoteFailed as exc:
                self.replace(zygote, str(exc))
            else:
                zygote.lock.release()

    def stop_all(self) -> None:
        with self.lock:
            zygotes, self.by_packages = list(self.by_packages.values()), {}
        for zygote in zygotes:
            zygote.stop()

    def _forget_inherited(self) -> None:
        """In a forked child, the parent's zygotes are not ours: let go of them without touching them."""
        for zygote in self.by_packages.values():
            zygote.control.close()
            if zygote.offered is not None:
                zygote.offered[1].close()
        self.lock = threading.Lock()
        self.by_packages, self.failures = {}, {}
