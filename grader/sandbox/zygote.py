"""The zygote: the warm path's trusted process inside the sandbox's view, which forks each run.

grader/sandbox/warm.py starts it through bubblewrap as root (keeping only the capabilities it needs to build
runs), with the same read-only view as a cold run less the task folder, and the task's packages imported.
It never sees a submission, an input or an expected value, nor even a run's request: it keeps the next run
forked ahead, holding nothing of any run, and hands the worker a channel straight to that run's harness.

  the run, pid 1 of a new PID namespace, forked ahead, still root: it makes new mount, IPC, UTS and cgroup
      namespaces, a fresh /proc, /work and /tmp, and waits. Given its run by the worker (uid,
      limits, and the task, result, output and set-up pipes), it reads its submission and inputs from the task
      pipe into a /task that it makes read-only (the run reads its own, after the fork); then rlimits, no
      supplementary groups, the run's own uid and gid, no capabilities, no new privileges, the seccomp filter,
      stdin /dev/null, stdout and stderr on the output pipe, new random seeds; it tells the worker (one byte on
      the set-up pipe) that the candidate's code is about to run, and runs harness.main() on the result pipe.
      Its exit ends the PID namespace and every process left in it.

One process per run, not an init that forks the harness: each fork of the zygote copies its page tables and
each exit tears a copy down, which was a third of a warm run's CPU. Being pid 1 costs a run nothing it needs:
the kernel still delivers what ends a run (SIGKILL from the zygote, the CPU limit's, the OOM killer's, a
fault's), and orphans it never reaps die with it.

Nothing one run does reaches the next: each is a fresh copy of the zygote, which never runs candidate code.
The runs share a network namespace that the zygote makes at start-up, with no interface up (loopback included):
a run may open no socket of any kind (seccomp.py), so none can reach a network or leave a socket, or a socket's
name, behind for the next run. (A namespace per run cost about a millisecond of CPU per run to make and tear
down.)
Standard library only (the sandbox's interpreter has no site-packages); ctypes for the system calls.

argv: control-fd seccomp-fd cgroup-fds(comma-separated, may be empty) scratch-bytes module...
Messages on the control socket (JSON, one per datagram): zygote -> worker {"ready"}; {"run": n} with the
channel to run n's harness (the run it offers); {"exit": code, "run": n} when run n has ended. Worker ->
zygote {"took": n} (fork the next run ahead), {"kill": n}.
"""

import ctypes
import gc
import importlib
import itertools
import json
import os
import resource
import select
import signal
import socket
import struct
import sys
import traceback
import warnings

libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]

CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS = 0x00020000, 0x02000000, 0x04000000
CLONE_NEWIPC, CLONE_NEWPID, CLONE_NEWNET = 0x08000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT = 0x1, 0x2, 0x4, 0x8, 0x20
MS_BIND, MS_REC, MS_PRIVATE = 0x1000, 0x4000, 0x40000
PR_SET_PDEATHSIG, PR_SET_NAME, PR_SET_SECCOMP, PR_CAPBSET_DROP = 1, 15, 22, 24
PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 38, 47, 4
SECCOMP_MODE_FILTER = 2
LINUX_CAPABILITY_VERSION_3 = 0x20080522
SETUP_FAILED = 125  # a run failed on our side before any candidate code ran
MiB = 1024 * 1024


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _check(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source, target, fstype, flags, data=None):
    def encode(text):
        return text.encode() if text is not None else None

    _check(libc.mount(encode(source), encode(target), encode(fstype), flags, encode(data)), f"mount {target}")


def _prctl(option, arg2=0):
    _check(libc.prctl(option, arg2, 0, 0, 0), f"prctl {option}")


def _set_name(name):
    """The process name that ps and /proc/<pid>/comm show."""
    buffer = ctypes.create_string_buffer(name)
    _prctl(PR_SET_NAME, ctypes.addressof(buffer))


def _send(channel, message, fds=()):
    socket.send_fds(channel, [json.dumps(message).encode()], list(fds))


class Zygote:
    def __init__(self, control, seccomp_program, cap_last, scratch_bytes):
        self.control = control
        self.own_pid_namespace = os.open("/proc/self/ns/pid", os.O_RDONLY | os.O_CLOEXEC)
        self.seccomp = ctypes.create_string_buffer(seccomp_program, len(seccomp_program))
        self.seccomp_program = _SockFprog(len(seccomp_program) // 8, ctypes.addressof(self.seccomp))
        self.cap_last = cap_last
        self.scratch_bytes = scratch_bytes
        self.runs = {}  # run number: (pid, pidfd) of each run until it has ended
        self.numbers = itertools.count()

    def serve(self):
        """Offer runs, fork the next when one is taken, report each run's end, kill runs when told to;
        until the worker closes the control socket."""
        self.offer_run()
        while True:
            poller = select.poll()
            poller.register(self.control, select.POLLIN)
            by_pidfd = {pidfd: number for number, (_, pidfd) in self.runs.items()}
            for pidfd in by_pidfd:
                poller.register(pidfd, select.POLLIN)
            for fd, _ in poller.poll():
                if fd in by_pidfd:
                    self.report_end(by_pidfd[fd])
                    continue
                message = self.control.recv(65536)
                if not message:  # the worker is gone: so are its runs
                    for pid, _ in self.runs.values():
                        os.kill(pid, signal.SIGKILL)
                    return
                request = json.loads(message)
                if "took" in request:
                    self.offer_run()
                elif request.get("kill") in self.runs:
                    os.kill(self.runs[request["kill"]][0], signal.SIGKILL)  # the kernel kills the rest of its namespace

    def offer_run(self):
        """Fork the next run into a new PID namespace, and hand the worker its end of the run's channel: the
        worker sends its run straight there."""
        number = next(self.numbers)
        worker_end, harness_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        _check(libc.unshare(CLONE_NEWPID), "unshare pid")  # applies to the next child only
        pid = os.fork()
        if pid == 0:
            try:
                Run(self, harness_end).start()
            except BaseException:  # noqa: BLE001 - our fault: on the output pipe if it has it, else our log
                os.write(2, f"sandbox set-up failed:\n{traceback.format_exc()}".encode()[-4000:])
            finally:
                os._exit(SETUP_FAILED)
        _check(libc.setns(self.own_pid_namespace, CLONE_NEWPID), "setns pid")  # so the next unshare works
        harness_end.close()
        self.runs[number] = (pid, os.pidfd_open(pid))
        _send(self.control, {"run": number}, [worker_end.fileno()])
        worker_end.close()

    def report_end(self, number):
        pid, pidfd = self.runs.pop(number)
        os.close(pidfd)
        _, status = os.waitpid(pid, 0)
        _send(self.control, {"exit": os.waitstatus_to_exitcode(status), "run": number})


class Run:
    """A run's process: pid 1 of the run's own namespaces, forked ahead and still root. It prepares the
    namespaces, waits for its run straight from the worker (the zygote never sees it), builds /task, drops
    everything and runs the harness."""

    def __init__(self, zygote, channel):
        self.zygote, self.channel = zygote, channel

    def start(self):
        _close_all_but({0, 1, 2, self.channel.fileno()})  # the zygote's control socket, other runs' ends
        self.prepare()
        import harness

        _set_name(b"harness")
        message, fds, _, _ = socket.recv_fds(self.channel, 65536, 8)  # the run, straight from the worker
        if not message or len(fds) != 4:
            os._exit(0)  # the worker let go of this run
        self.channel.close()
        request = json.loads(message)
        task_fd, result_fd, output_fd, setup_fd = fds
        _set_oom_score_adj(1000)  # inherited by all the candidate's processes
        try:
            self.write_task(task_fd)
        except BaseException:  # noqa: BLE001 - our fault, reported on the output pipe for staff
            os.write(output_fd, f"sandbox set-up failed:\n{traceback.format_exc()}".encode()[-4000:])
            os._exit(SETUP_FAILED)
        os.chdir("/work")
        devnull = os.open("/dev/null", os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(output_fd, 1)
        os.dup2(output_fd, 2)
        _close_all_but({0, 1, 2, result_fd, setup_fd})
        self.limit(request["limits"])
        self.drop_privileges(request["uid"])
        _prctl(PR_SET_NO_NEW_PRIVS, 1)
        _check(libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(self.zygote.seccomp_program), 0, 0), "seccomp")
        # Generators must not repeat across runs forked from one zygote (`random` reseeds itself at fork).
        if "numpy.random" in sys.modules:
            sys.modules["numpy.random"].seed()
        os.write(setup_fd, b"1")  # to the worker: from here on, what happens is the candidate's doing
        os.close(setup_fd)
        harness.main(result_fd)
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        for fd in (0, 1, 2):  # the worker sees the end now, not after this process's memory is torn down
            os.close(fd)
        os._exit(0)

    def prepare(self):
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # the zygote dying takes the run with it
        _set_name(b"sandbox-run")
        os.setsid()
        # When the cgroup is full, the OOM killer takes a process of the running run (1000, set when its run
        # starts), then the next run's, forked ahead and waiting (500), never the zygote (0).
        _set_oom_score_adj(500)
        # (No network namespace of its own: the zygote's has no interface up, and a run may open no socket.)
        _check(libc.unshare(CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP), "unshare")
        _mount(None, "/", None, MS_REC | MS_PRIVATE)
        # A /proc of the run's own PID namespace, with the same read-only corners as bubblewrap's. It covers
        # the zygote's (unmounting that first would cost an RCU grace period: milliseconds).
        _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        for corner in ("/proc/sys", "/proc/sysrq-trigger", "/proc/irq", "/proc/bus"):
            if os.path.exists(corner):
                _mount(corner, corner, None, MS_BIND | MS_REC)
                _mount(None, corner, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC)
        scratch = self.zygote.scratch_bytes
        _mount("tmpfs", "/work", "tmpfs", MS_NOSUID | MS_NODEV, f"mode=1777,size={scratch}")
        _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"mode=1777,size={scratch // 2}")
        # Done ahead, not while the candidate waits: an empty /task (only we write to it, the run's own files,
        # before it turns read-only: no size cap is needed), and the capability bounding set emptied (it only
        # limits what an exec could gain; the capabilities in effect, still needed to build /task and change
        # uid, go in drop_privileges).
        _mount("tmpfs", "/task", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755")
        for cap in range(self.zygote.cap_last + 1):
            _prctl(PR_CAPBSET_DROP, cap)

    @staticmethod
    def write_task(task_fd):
        """Read this run's submission and inputs from the task pipe into /task, which then turns read-only."""
        submission_size, run_size = struct.unpack(">QQ", _read_exactly(task_fd, 16))
        submission = _read_exactly(task_fd, submission_size)
        run = _read_exactly(task_fd, run_size)
        os.close(task_fd)
        for name, content in (("submission.py", submission), ("run.json", run)):
            fd = os.open(f"/task/{name}", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as f:  # (a file object writes it all, or raises)
                f.write(content)
        _mount(None, "/task", None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)

    @staticmethod
    def limit(limits):
        """rlimits with soft = hard; the address space is the limit on top of what the zygote already maps."""
        with open("/proc/self/statm") as f:
            mapped = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        for which, value in (
            (resource.RLIMIT_AS, mapped + limits["memory_mb"] * MiB),
            (resource.RLIMIT_CPU, int(limits["time_seconds"]) + 2),
            (resource.RLIMIT_NPROC, limits["processes"]),
            (resource.RLIMIT_NOFILE, limits["open_files"]),
            (resource.RLIMIT_FSIZE, limits["file_size_mb"] * MiB),
            (resource.RLIMIT_CORE, 0),
        ):
            resource.setrlimit(which, (value, value))

    def drop_privileges(self, uid):
        os.setgroups([])
        _check(libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "clear ambient capabilities")
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)  # leaving uid 0 clears the permitted and effective capabilities
        header = struct.pack("Ii", LINUX_CAPABILITY_VERSION_3, 0)
        _check(libc.capset(header, bytes(24)), "capset")  # and the inheritable ones, explicitly
        if os.getuid() != uid or os.geteuid() != uid:
            raise RuntimeError("could not become the run's user")


def _set_oom_score_adj(value):
    with open("/proc/self/oom_score_adj", "w") as f:
        f.write(str(value))


def _close_all_but(keep):
    for fd in map(int, os.listdir("/proc/self/fd")):
        if fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass  # the listing's own descriptor


def _read_exactly(fd, size):
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("the task pipe closed early")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def main():
    control = socket.socket(fileno=int(sys.argv[1]))
    with os.fdopen(int(sys.argv[2]), "rb") as f:
        seccomp_program = f.read()
    group_fds = [int(fd) for fd in sys.argv[3].split(",") if fd]
    scratch_bytes = int(sys.argv[4])
    modules = sys.argv[5:]
    if modules:
        sys.path.append("/packages")
    with warnings.catch_warnings():  # what importing says (joblib: "serial mode") is no news in the worker's log
        warnings.simplefilter("ignore")
        for name in modules:
            importlib.import_module(name)
    sys.path.insert(0, "/harness")
    import harness  # noqa: F401  (loaded once here, run in each harness process)

    del sys.path[0]
    # Only now join the run group: what the zygote loaded stays charged where it was, outside every run's limit.
    for fd in group_fds:
        os.write(fd, b"0")
        os.close(fd)
    with open("/proc/sys/kernel/cap_last_cap") as f:
        cap_last = int(f.read())
    # A network namespace of the zygote's own, which its runs share: bubblewrap's has loopback up, a new one has
    # no interface up at all (and a run may open no socket to use one).
    _check(libc.unshare(CLONE_NEWNET), "unshare net")
    os.chdir("/")
    _set_name(b"mlassess-zygote")  # (only now: ps shows which zygotes have their packages loaded)
    zygote = Zygote(control, seccomp_program, cap_last, scratch_bytes)
    # Keep the collector away from what is loaded: a collection in a run would write to every object's
    # header, copying the zygote's whole heap page by page into the run.
    gc.freeze()
    try:
        _send(control, {"ready": True})
        zygote.serve()
    except (BrokenPipeError, ConnectionResetError):
        pass  # the worker went away: so do we (and, with us, the run forked ahead)


if __name__ == "__main__":
    main()
