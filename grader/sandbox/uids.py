"""The unprivileged user ids that runs execute as: one per run at a time on this host, and nothing left after.

Each run needs a uid of its own: RLIMIT_NPROC counts per uid, and after the run every process of that uid is
killed. A lock file per uid (flock, released when its claim is closed or its process dies) keeps concurrent
workers and test runs on one host apart.
"""

from __future__ import annotations

import fcntl
import os
import signal
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO

SANDBOX_UIDS = range(61000, 64000)
UID_LOCKS = Path(tempfile.gettempdir()) / "mlassess-sandbox-uids"
# The uids this process has run code as: what its own checks for leftover processes look at (another
# worker's live run on the same host is not a leftover of ours).
uids_used_here: set[int] = set()


class NoFreeUid(RuntimeError):
    """Every sandbox uid is claimed right now."""


def claim_uid() -> tuple[int, IO]:
    """An unprivileged user id that no other run on this host holds, and its claim: close it to release.

    The search starts at a pid-derived slot so that workers rarely contend.
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
        return uid, handle
    raise NoFreeUid("every sandbox user id is in use")


@contextmanager
def claimed_uid():
    """claim_uid() for the length of a with-block."""
    uid, claim = claim_uid()
    try:
        yield uid
    finally:
        claim.close()  # closing releases the lock


def processes_of(uid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/status") as f:
                    ids = next(line for line in f if line.startswith("Uid:")).split()[1:]
            except (OSError, StopIteration):
                continue
            if str(uid) in ids:
                pids.append(int(entry))
    return pids


def reap_leftovers(uid: int) -> bool:
    """Make sure no process of the sandbox's user outlives the run (the namespace teardown is asynchronous).

    Returns whether there was anything to kill."""
    found = False
    deadline = time.monotonic() + 5
    while (pids := processes_of(uid)) and time.monotonic() < deadline:
        found = True
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.01)
    return found
