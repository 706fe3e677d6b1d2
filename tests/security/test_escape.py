"""Promises of the sandbox that nothing gets out: network, secrets, files, processes.

Each probe runs inside the real sandbox and reports what it could do; the test asserts it could not.
"""

import ctypes
import errno
import os
import platform
import struct
from pathlib import Path

import pyseccomp
import pytest
from django.conf import settings

from grader.sandbox import seccomp
from grader.sandbox.launcher import Limits
from tests.security.conftest import CANARY, value_of

pytestmark = pytest.mark.each_package_set


def test_no_tcp_to_postgresql_or_redis_on_loopback(sandbox):
    result = value_of(sandbox.observe("""
        import socket
        out = {}
        for port in (5432, 6379, 8000, 5672):
            try:
                s = socket.socket()
                s.settimeout(1)
                s.connect(("127.0.0.1", port))
                out[str(port)] = "connected"
            except OSError as e:
                out[str(port)] = type(e).__name__
        return out
    """))
    assert "connected" not in result.values(), result


def test_no_socket_of_any_kind_and_no_interface_but_loopback(sandbox):
    result = value_of(sandbox.observe("""
        import socket
        refused = {}
        for family in ("AF_INET", "AF_INET6", "AF_NETLINK", "AF_PACKET", "AF_UNIX"):
            try:
                socket.socket(getattr(socket, family), socket.SOCK_RAW if family == "AF_PACKET" else socket.SOCK_DGRAM)
                refused[family] = "opened"
            except OSError as e:
                refused[family] = type(e).__name__
        for family in ("AF_UNIX", "AF_INET"):
            try:
                socket.socketpair(getattr(socket, family))
                refused[f"socketpair {family}"] = "opened"
            except OSError as e:
                refused[f"socketpair {family}"] = type(e).__name__
        interfaces = [line.split(":")[0].strip() for line in open("/proc/net/dev").read().splitlines()[2:]]
        trie = open("/proc/net/fib_trie").read().splitlines()  # an address's line comes before its kind's
        addresses = sorted({trie[i - 1].split()[-1] for i, line in enumerate(trie) if "/32 host LOCAL" in line})
        return [refused, interfaces, addresses]
    """))
    refused, interfaces, addresses = result
    assert refused == dict.fromkeys(("AF_INET", "AF_INET6", "AF_NETLINK", "AF_PACKET", "AF_UNIX", "socketpair AF_UNIX",
                                     "socketpair AF_INET"), "PermissionError")
    assert interfaces == ["lo"]
    # A warm run shares its zygote's network namespace, where even loopback stays down (no local address).
    assert addresses == ([] if sandbox.warm else ["127.0.0.1"]), addresses


def test_no_unix_sockets_of_the_host(sandbox):
    result = value_of(sandbox.observe("""
        import os, socket
        found = [p for p in ("/var/run/postgresql", "/run/postgresql", "/run", "/var/run/redis", "/tmp") if os.path.exists(p) and os.listdir(p)]
        try:
            s = socket.socket(socket.AF_UNIX)
            s.connect("/var/run/postgresql/.s.PGSQL.5432")
            return "connected"
        except OSError as e:
            return [found, type(e).__name__]
    """))
    assert result == [[], "PermissionError"]


def test_no_abstract_unix_sockets_of_the_host(sandbox):
    # Abstract sockets belong to the network namespace: the host's are out of reach.
    result = value_of(sandbox.observe("return open('/proc/net/unix').read().count('@')"))
    assert result == 0


def test_project_files_settings_and_secret_key_are_not_visible(sandbox):
    paths = [str(settings.BASE_DIR / "mlassess" / "settings.py"), str(settings.VAR_DIR / "secret_key"),
             str(settings.BASE_DIR / "manage.py"), "/etc/passwd", "/etc/shadow", "/root", "/home"]
    result = value_of(sandbox.observe(f"""
        import os
        return {{p: os.path.exists(p) for p in {paths!r}}}
    """))
    assert not any(result.values()), result


def test_reference_solutions_and_hidden_cases_are_not_visible(sandbox):
    reference = settings.BANK_DIR / "core-ml" / "f1-score" / "reference.py"
    result = value_of(sandbox.observe(f"""
        import os
        hits = []
        for root, dirs, files in os.walk("/"):
            if root.startswith("/proc") or root.startswith("/sys"):
                continue
            hits += [os.path.join(root, f) for f in files
                     if "f1-score" in root or "questions/bank" in root or "mlassess" in root]
        return [hits, os.path.exists({str(reference)!r}), sorted(os.listdir("/task"))]
    """, limits=Limits(time_seconds=30)))  # all of /usr, on a machine other test runs share
    assert result == [[], False, ["run.json", "submission.py"]]


def test_the_workers_environment_is_not_visible(sandbox):
    result = value_of(sandbox.observe("""
        import os
        seen = dict(os.environ)
        leaked = []
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    leaked.append(open(f"/proc/{pid}/environ", "rb").read().decode(errors="replace"))
                except OSError:
                    pass
        return [sorted(seen), "\\n".join(leaked)]
    """))
    names, other_environments = result
    assert "MLASSESS_CANARY" not in names and "DATABASE_URL" not in names
    assert CANARY not in other_environments


def test_host_tmp_and_other_submissions_are_not_visible(sandbox):
    result = value_of(sandbox.observe(f"""
        import os
        return [os.path.exists("/tmp/{CANARY}.txt"), os.listdir("/tmp"), [n for n in os.listdir("/") ]]
    """))
    assert result[0] is False and result[1] == []
    assert "work" in result[2] and not any(n.startswith("mlassess-task") for n in result[2])


def test_cannot_write_outside_scratch_and_scratch_is_thrown_away(sandbox, tmp_path):
    result = value_of(sandbox.observe("""
        import os
        out = {}
        for path in ("/usr/pwned", "/task/pwned", "/python/pwned", "/harness/pwned", "/packages/pwned", "/pwned"):
            try:
                open(path, "w").write("x")
                out[path] = "written"
            except OSError as e:
                out[path] = type(e).__name__
        open("/work/mine", "w").write("scratch is fine")
        out["scratch"] = open("/work/mine").read()
        return out
    """))
    assert result.pop("scratch") == "scratch is fine"
    assert "written" not in result.values(), result
    assert not Path("/usr/pwned").exists() and not Path("/pwned").exists()
    again = value_of(sandbox.observe("import os\nreturn os.listdir('/work')"))
    assert again == []  # a new run starts from an empty scratch folder


def test_cannot_plant_symlinks_for_the_trusted_side(sandbox):
    result = value_of(sandbox.observe("""
        import os
        try:
            os.symlink("/etc/shadow", "/task/result.json")
            return "planted"
        except OSError as e:
            return type(e).__name__
    """))
    assert result in ("OSError", "PermissionError")


def test_host_processes_are_invisible_and_unsignalable(sandbox):
    result = value_of(sandbox.observe("""
        import os, signal
        pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
        names = [open(f"/proc/{p}/comm").read().strip() for p in pids]
        owners = [os.stat(f"/proc/{p}").st_uid for p in pids]
        try:
            os.kill(1, signal.SIGKILL)
            killed = "killed"
        except OSError as e:
            killed = type(e).__name__
        return [names, owners, os.getpid(), killed, os.getuid(), os.geteuid()]
    """))
    names, owners, me, killed, uid, euid = result
    assert not {"postgres", "redis-server", "celery", "python3", "mlassess-zygote"} & set(names), names
    assert uid == euid and uid >= 61000  # an unprivileged user, not root
    if me == 1:  # a warm run is the first process of its PID namespace: nothing else is there to signal
        assert owners == [uid], (names, owners)
    else:  # a cold run sees bubblewrap's init (root's), which it cannot signal
        assert len(names) <= 3  # bwrap's init, setpriv/python: nothing else
        assert killed == "PermissionError"


def test_cannot_become_root(sandbox):
    result = value_of(sandbox.observe("""
        import os
        try:
            os.setuid(0)
            return "root"
        except OSError as e:
            return type(e).__name__
    """))
    assert result == "PermissionError"


def test_no_capabilities_and_no_new_privileges(sandbox):
    status = value_of(sandbox.observe("return open('/proc/self/status').read()"))
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    for kind in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
        assert fields[kind].strip() == "0000000000000000", kind
    assert fields["NoNewPrivs"].strip() == "1"


def test_stdin_is_empty(sandbox):
    assert value_of(sandbox.observe("import sys\nreturn sys.stdin.read()")) == ""


@pytest.mark.skipif(platform.machine() != "x86_64", reason="system call numbers below are x86_64's")
def test_dangerous_system_calls_are_denied_by_seccomp(sandbox):
    # Without the filter, unshare(CLONE_NEWUSER) would succeed here and io_uring_setup would answer EFAULT.
    result = value_of(sandbox.observe("""
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        calls = {"ptrace": (101, 16, 1, 0, 0), "unshare": (272, 0x10000000), "setns": (308, 0, 0), "mount": (165, 0, 0, 0, 0, 0),
                 "bpf": (321, 0, 0, 0), "io_uring_setup": (425, 1, 0), "keyctl": (250, 0, 0), "userfaultfd": (323, 0),
                 "perf_event_open": (298, 0, 0, 0, 0, 0), "clone_newuser": (56, 0x10000000 | 17, 0, 0, 0, 0), "clone3": (435, 0, 0)}
        out = {}
        for name, (number, *args) in calls.items():
            ctypes.set_errno(0)
            r = libc.syscall(number, *args)
            out[name] = ctypes.get_errno() if r == -1 else "allowed"
        return out
    """))
    expected = {name: errno.EPERM for name in result}
    expected["clone3"] = errno.ENOSYS
    assert result == expected


@pytest.mark.skipif(platform.machine() != "x86_64", reason="io_uring_setup's errors below are x86_64's")
def test_a_libseccomp_that_does_not_know_io_uring_still_gets_it_denied(monkeypatch):
    # io_uring opens sockets and files without the calls the filter inspects: a libseccomp older than the
    # kernel, which cannot resolve its name, must not leave it allowed.
    refused = []
    real = pyseccomp.SyscallFilter.add_rule

    def old_libseccomp(self, action, syscall, *args):
        if syscall in seccomp.NUMBERS:
            refused.append(syscall)
            raise OSError(errno.EINVAL, "unknown system call")
        return real(self, action, syscall, *args)

    monkeypatch.setattr(pyseccomp.SyscallFilter, "add_rule", old_libseccomp)
    seccomp.filter_program.cache_clear()
    try:
        program = seccomp.filter_program()
    finally:
        seccomp.filter_program.cache_clear()
    assert "io_uring_setup" in refused
    assert _errno_of_io_uring_setup_under(program) == errno.EPERM
    assert _errno_of_io_uring_setup_under(None) == errno.EFAULT  # what it answers when it is allowed


def _errno_of_io_uring_setup_under(program: bytes | None) -> int:
    """io_uring_setup(1, NULL) in a child process that loaded `program` as its seccomp filter: its errno."""
    pid = os.fork()
    if pid == 0:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if program is not None:
                buffer = ctypes.create_string_buffer(program, len(program))
                fprog = struct.pack("HxxxxxxP", len(program) // 8, ctypes.addressof(buffer))
                libc.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS
                if libc.prctl(22, 2, ctypes.c_char_p(fprog), 0, 0) != 0:  # PR_SET_SECCOMP, SECCOMP_MODE_FILTER
                    os._exit(255)
            ctypes.set_errno(0)
            libc.syscall(425, 1, None)
            os._exit(ctypes.get_errno())
        finally:
            os._exit(254)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def test_concurrent_runs_never_share_a_user_id():
    from grader.sandbox.launcher import claimed_uid

    with claimed_uid() as first, claimed_uid() as second:
        assert first != second
    with claimed_uid() as again:
        assert again == first  # released at the end of the run
