"""The sandbox's seccomp filter: system calls no grading run needs, which widen the kernel's attack surface.

Namespaces, an unprivileged uid and no capabilities already stop most of these; the filter is a second wall
(the Docker default profile denies the same families). Denied calls fail with EPERM; clone3 fails with ENOSYS
so that the C library falls back to clone, whose namespace flags the filter can inspect.
"""

import errno
import tempfile
from functools import lru_cache

import pyseccomp as seccomp

DENIED = [
    # other processes' memory, and tracing
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp",
    # namespaces and mounts
    "unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "open_by_handle_at", "name_to_handle_at",
    "fsopen", "fsmount", "fsconfig", "fspick", "move_mount", "open_tree", "mount_setattr",
    # kernel interfaces with a history of exploits
    "bpf", "perf_event_open", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register",
    "keyctl", "add_key", "request_key", "fanotify_init", "lookup_dcookie",
    # System V IPC: its objects belong to the run's IPC namespace, not to a process, so memory held in them (shared
    # memory, message queues: 512 MB of them) outlived the processes the OOM killer ended, and the OOM killer
    # went on to the zygote's next run, forked ahead (the zygote was replaced, the next run went cold).
    "msgget", "semget", "shmget",
    # the machine itself
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "reboot", "swapon",
    "swapoff", "acct", "quotactl", "syslog", "settimeofday", "clock_settime", "clock_adjtime", "adjtimex",
    "iopl", "ioperm", "vhangup", "mbind", "migrate_pages", "move_pages", "set_mempolicy",
]
# Calls newer than some libseccomp releases, denied by number when this one does not know their names: their
# numbers come from the table every architecture shares from 424 on. io_uring matters most: it opens sockets
# and files without the system calls the rules here inspect.
NUMBERS = {"io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "open_tree": 428,
           "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "mount_setattr": 442}
# No socket of any kind: no run reaches a network, loopback included (a warm run's namespace has no interface up),
# and no run can leave a socket behind for the next. A Unix socket can outlive every process of its run (one
# holding its own descriptor in a message queued to itself waits for the kernel's collector), and its name, or
# how many there are, shows in /proc/net/unix to every run of the same network namespace. With none, the runs
# forked from one zygote share its empty namespace: one per run cost about a millisecond of CPU per run, a
# third of a grading's kernel time (`make bench`). Nothing a task allows needs one: multiprocessing has no
# shared memory here either (joblib runs serially), and a submission gets a clear PermissionError.
NO_SOCKETS = ["socket", "socketpair"]
NAMESPACE_FLAGS = [0x10000000, 0x20000000, 0x40000000, 0x04000000, 0x08000000, 0x00020000, 0x02000000, 0x00000080]


@lru_cache(maxsize=1)
def filter_program() -> bytes:
    """The compiled BPF program (for bwrap's --seccomp), built once per process."""
    rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    for name in DENIED:
        try:
            rules.add_rule(seccomp.ERRNO(errno.EPERM), name)
        except (RuntimeError, ValueError, OSError):
            if name in NUMBERS:
                rules.add_rule(seccomp.ERRNO(errno.EPERM), NUMBERS[name])
            # (every other name here predates the libseccomp releases still in use)
    for flag in NAMESPACE_FLAGS:  # CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET, ...
        rules.add_rule(seccomp.ERRNO(errno.EPERM), "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
    rules.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    for name in NO_SOCKETS:
        rules.add_rule(seccomp.ERRNO(errno.EPERM), name)
    with tempfile.TemporaryFile() as out:
        rules.export_bpf(out)
        out.seek(0)
        return out.read()
