"""`python -m bench grader` (what `make bench` runs): figures for the grader, measured in one run (print, never assert).

1. The sandbox: a correct f1-score solution over its hidden cases, forked from this process's warm zygote
   (the warm path), the same run through a fresh bubblewrap and interpreter (the cold path), and a fresh,
   unsandboxed Python process with NumPy running the same cases (the naive way: "fresh-process"). Interleaved,
   so that all see the same background noise; median and p95.
2. Where one grading's time goes, measured in this process: the sandbox, the comparison, grade()'s database
   work (grade() minus run_task()), and submit() (its database work and the broker publish), with query counts.
3. Through Celery, Redis and PostgreSQL with two worker processes (Celery's solo pool, as deployed: each grades
   in its own process, with its warm zygotes):
   throughput for a burst of submissions that arrives at once, and submit-to-verdict latency one submission
   at a time on idle workers, as the submitter sees it (p50, p99).

The last line is the summary the issue asks for. Needs PostgreSQL and Redis: DATABASE_URL and REDIS_URL,
defaulting to this machine's local services (database mlassess_bench, Redis db 1), which the benchmark
creates and migrates itself.
"""

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mlassess_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mlassess.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")  # as in production: no query log in the workers
sys.path.insert(0, str(ROOT))

WORKERS = 2
BURST = 300  # submissions that arrive at once, for throughput
SEQUENTIAL = 100  # submissions one at a time, for latency
SANDBOX_RUNS = 100  # warm runs (and as many fresh processes); a fifth as many cold runs


def ensure_database():
    import environ
    import psycopg

    cfg = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    with psycopg.connect(host=cfg["HOST"], port=cfg["PORT"] or 5432, user=cfg["USER"], dbname="postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (cfg["NAME"],)).fetchone():
            conn.execute(f'CREATE DATABASE "{cfg["NAME"]}"')


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


NAIVE = """
import json, sys
sys.path.append({site!r})
import numpy
run = json.load(open({run!r}))
namespace = {{}}
exec(open({submission!r}).read(), namespace)
fn = namespace[run["entry_point"]]
out = []
for case in run["cases"]:
    args = [numpy.asarray(a) if i in case.get("array_args", []) else a for i, a in enumerate(case["args"])]
    try:
        out.append(float(fn(*args, **case.get("kwargs", {{}}))))
    except Exception as e:
        out.append(type(e).__name__)
print(json.dumps(out))
"""


def f1_task():
    from django.conf import settings

    from grader.cases import HIDDEN, hidden_seed, prepared_cases
    from questions.bank_format import load_bank

    task = next(q for q in load_bank(settings.BANK_DIR).questions if q.slug == "f1-score")
    cases, expected = prepared_cases(task.spec, which=HIDDEN, seed=hidden_seed(task.content_hash))
    run = {"entry_point": "f1_score", "mode": "function", "cases": [c.to_run() for c in cases], "packages": ["numpy"]}
    return task, cases, expected, run


def sandbox_paths(runs=SANDBOX_RUNS):
    """Warm, cold and fresh-process times for the same correct f1-score run (interleaved)."""
    from grader import judging
    from grader.sandbox import launcher
    from grader.sandbox.launcher import SITE_PACKAGES, run_sandboxed

    task, cases, expected, run = f1_task()
    code, limits = task.spec["solution"], judging.limits_for(task.spec)
    if not launcher.start_zygote(["numpy"], wait=120):
        raise SystemExit("bench: the zygote did not start")
    times = {"warm": [], "warm, back to back": [], "cold": [], "fresh": [], "compare": []}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "run.json").write_text(json.dumps(run))
        (Path(tmp) / "submission.py").write_text(code)
        naive_cmd = [sys.executable, "-I", "-S", "-c", NAIVE.format(site=str(SITE_PACKAGES), run=f"{tmp}/run.json", submission=f"{tmp}/submission.py")]
        for i in range(runs):
            start = time.perf_counter()
            outcome = run_sandboxed(submission=code, run=run, packages=["numpy"], limits=limits)
            times["warm"].append(time.perf_counter() - start)
            assert outcome.warm and len(outcome.records) == len(cases) + 1, outcome
            start = time.perf_counter()
            judgement = judging.judge_code(task.spec, cases, expected, outcome, points=10)
            times["compare"].append(time.perf_counter() - start)
            assert judgement.verdict == "accepted", judgement
            start = time.perf_counter()
            subprocess.run(naive_cmd, check=True, capture_output=True)
            times["fresh"].append(time.perf_counter() - start)
            if i % 5 == 0:
                os.environ["MLASSESS_SANDBOX_WARM"] = "0"
                start = time.perf_counter()
                outcome = run_sandboxed(submission=code, run=run, packages=["numpy"], limits=limits)
                times["cold"].append(time.perf_counter() - start)
                del os.environ["MLASSESS_SANDBOX_WARM"]
                assert not outcome.warm and len(outcome.records) == len(cases) + 1, outcome
        for _ in range(runs // 2):  # each run waits for the one before it to be torn down
            start = time.perf_counter()
            run_sandboxed(submission=code, run=run, packages=["numpy"], limits=limits)
            times["warm, back to back"].append(time.perf_counter() - start)
    launcher.settle()
    return times, len(cases)


def in_process_breakdown(samples=30):
    """submit() and grade() in this process (warm zygote, no Celery worker): time and queries of each part."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from grader import judging, services
    from grader.cases import HIDDEN, hidden_seed
    from grader.models import Submission
    from mlassess.celery import app
    from questions.models import Question

    question = Question.objects.get(slug="f1-score")
    version = question.current_version
    code = version.spec["solution"]
    # A candidate per sample: a candidate's submissions are rate-limited. (No password: hashing one is slow.)
    people = [User.objects.create_user(username=f"bench-inprocess-{i}", password=None, role="candidate") for i in range(samples)]
    figures = {"submit": [], "grade": [], "run_task": [], "connect": []}
    queries = {}
    for i, person in enumerate(people):
        if i == len(people) - 1:  # the last sample counts the queries (logging them costs time: not timed)
            with CaptureQueriesContext(connection) as submitted:
                submission = services.submit(candidate=person, question=question, code=f"{code}\n# bench {i}\n")
            with CaptureQueriesContext(connection) as graded:
                services.grade(submission_id=submission.pk)
            queries = {"submit": len(submitted.captured_queries), "grade": len(graded.captured_queries)}
            Submission.objects.filter(pk=submission.pk).delete()
            break
        start = time.perf_counter()
        submission = services.submit(candidate=person, question=question, code=f"{code}\n# bench {i}\n")
        figures["submit"].append(time.perf_counter() - start)
        start = time.perf_counter()
        services.grade(submission_id=submission.pk)
        figures["grade"].append(time.perf_counter() - start)
        start = time.perf_counter()
        judging.run_task(version.type, version.spec, code, which=HIDDEN,
                         seed=hidden_seed(version.content_hash), points=float(version.points))
        figures["run_task"].append(time.perf_counter() - start)
        Submission.objects.filter(pk=submission.pk).delete()
    for _ in range(10):  # what a task would pay if its pool process did not keep its connection
        connection.close()
        start = time.perf_counter()
        connection.ensure_connection()
        figures["connect"].append(time.perf_counter() - start)
    User.objects.filter(pk__in=[p.pk for p in people]).delete()
    with app.connection_for_write() as conn:  # the tasks submit() queued: nobody is there to take them
        conn.default_channel.queue_purge("grading")
    return figures, queries


def start_workers(count):
    workers = []
    for i in range(count):
        workers.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "mlassess", "worker", "-Q", "grading", "--pool", "solo", "-n", f"bench{i}@%h",
             "--loglevel", "ERROR", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env={**os.environ}, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
    return workers


def stop_workers(workers):
    for w in workers:
        os.killpg(w.pid, signal.SIGTERM)
    for w in workers:
        w.wait(timeout=60)


class Process(NamedTuple):
    name: str
    parent: int
    cpu: float  # seconds, of the process and of its children it has waited for
    started: int  # clock ticks after boot: with the pid, which process this is


def processes() -> dict[int, Process]:
    """Every process of the machine by pid."""
    found = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        cpu = sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")
        found[int(entry)] = Process(stat[stat.index("(") + 1:stat.rindex(")")], int(fields[1]), cpu, int(fields[19]))
    return found


def under(pid, roots, table) -> bool:
    while pid > 1:
        if pid in roots:
            return True
        pid = table[pid].parent if pid in table else 0
    return False


def ready_zygotes(workers) -> int:
    """Zygotes with their packages loaded (they name themselves then) under the given worker processes."""
    table, roots = processes(), {w.pid for w in workers}
    return sum(1 for pid, p in table.items() if p.name == "mlassess-zygote" and under(pid, roots, table))


def cpu_by_part(workers, since: dict[int, Process]) -> dict[str, float]:
    """CPU seconds used since the `since` snapshot of processes() by each part of the system: the workers' own
    processes, their zygotes and runs, PostgreSQL, Redis, the kernel's own threads (a network namespace is torn
    down by one), this process, the rest. A process that ended meanwhile is not counted."""
    table, roots = processes(), {w.pid for w in workers}
    zygotes = {pid for pid, p in table.items() if p.name == "mlassess-zygote"}
    parts = dict.fromkeys(("workers' own", "zygotes and runs", "PostgreSQL", "Redis", "kernel threads", "this bench",
                           "other"), 0.0)
    for pid, (name, parent, cpu, started) in table.items():
        before = since.get(pid)
        used = cpu - before.cpu if before is not None and before.started == started else cpu
        if under(pid, roots, table):
            part = "zygotes and runs" if under(pid, zygotes, table) else "workers' own"
        elif name == "postgres":
            part = "PostgreSQL"
        elif name == "redis-server":
            part = "Redis"
        elif pid == 2 or parent == 2:
            part = "kernel threads"
        elif pid == os.getpid():
            part = "this bench"
        else:
            part = "other"
        parts[part] += used
    return parts


def machine_busy() -> float:
    """CPU seconds the whole machine has spent busy so far (all cores, kernel threads included)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait


def through_celery():
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from grader import services
    from grader.models import Submission, SubmissionStatus
    from grader.sandbox.launcher import PRESTARTED
    from mlassess.celery import app
    from questions.models import Question

    Submission.objects.filter(candidate__username__startswith="bench-").delete()
    User.objects.filter(username__startswith="bench-").delete()
    with app.connection_for_write() as conn:
        conn.default_channel.queue_declare("grading", durable=True, auto_delete=False)
        conn.default_channel.queue_purge("grading")
    question = Question.objects.get(slug="f1-score")
    solution = question.current_version.spec["solution"]
    serial = iter(range(10**9))

    def code():
        return f"{solution}\n# bench submission {next(serial)}\n"  # (the same code twice is one submission)

    people = [User.objects.create_user(username=f"bench-{i}", password=None, role="candidate") for i in range(BURST // 4)]
    workers = start_workers(WORKERS)
    try:
        deadline = time.monotonic() + 300
        while ready_zygotes(workers) < WORKERS * len(PRESTARTED):
            if time.monotonic() > deadline:
                raise SystemExit("bench: the workers' zygotes did not start")
            time.sleep(0.2)
        # Warm up: each worker process prepares the cases once and takes its first warm runs.
        warm = [services.submit(candidate=people[i], question=question, code=code()).pk for i in range(20)]
        wait_graded(warm)
        Submission.objects.filter(pk__in=warm).delete()

        # Latency, one submission at a time on idle workers. The submitter watches its row on a connection of its
        # own with a query that costs the server microseconds: polling through the ORM every millisecond took a
        # core's worth of CPU from the workers it was timing.
        observed, recorded = [], []
        watcher = watch_connection()
        for i in range(SEQUENTIAL):
            time.sleep(0.02)  # idle workers: the previous run is torn down
            start = time.perf_counter()
            pk = services.submit(candidate=people[i % len(people)], question=question, code=code()).pk
            wait_one_graded(watcher, pk)
            observed.append(time.perf_counter() - start)
            s = Submission.objects.get(pk=pk)
            recorded.append((s.graded_at - s.created_at).total_seconds())
        watcher.close()
        Submission.objects.filter(candidate__username__startswith="bench-").delete()

        # Throughput: a burst that arrives at once (queued when one transaction commits).
        with transaction.atomic():
            ids = [services.submit(candidate=people[i // 4], question=question, code=code()).pk for i in range(BURST)]
        busy_before, processes_before = machine_busy(), processes()
        arrived = timezone.now()
        wait_graded(ids)
        busy_after, parts = machine_busy(), cpu_by_part(workers, since=processes_before)
        cpu = ((busy_after - busy_before) / BURST,
               {part: seconds / BURST for part, seconds in parts.items()})
        rows = list(Submission.objects.filter(pk__in=ids))
        assert all(r.status == SubmissionStatus.GRADED and r.verdict == "accepted" for r in rows)
        throughput = BURST / (max(r.graded_at for r in rows) - arrived).total_seconds()
    finally:
        stop_workers(workers)
        Submission.objects.filter(candidate__username__startswith="bench-").delete()
        User.objects.filter(username__startswith="bench-").delete()
    return observed, recorded, throughput, cpu


def watch_connection():
    import psycopg
    from django.db import connection

    cfg = connection.settings_dict
    return psycopg.connect(host=cfg["HOST"], port=cfg["PORT"] or 5432, user=cfg["USER"], dbname=cfg["NAME"],
                           autocommit=True)


def wait_one_graded(watcher, pk, poll=0.0005, timeout=60):
    deadline = time.monotonic() + timeout
    while watcher.execute("SELECT status FROM grader_submission WHERE id = %s", (pk,)).fetchone()[0] != "graded":
        if time.monotonic() > deadline:
            raise SystemExit("bench: a submission was not graded in time")
        time.sleep(poll)


def wait_graded(ids, poll=0.05, timeout=600):
    from grader.models import Submission, SubmissionStatus

    deadline = time.monotonic() + timeout
    while Submission.objects.filter(pk__in=ids, status=SubmissionStatus.GRADED).count() < len(ids):
        if time.monotonic() > deadline:
            raise SystemExit("bench: submissions were not graded in time (is a worker able to start?)")
        time.sleep(poll)


def main():
    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command

    from mlassess.celery import app

    call_command("migrate", verbosity=0)
    call_command("sync_bank", verbosity=0)
    # Each run deletes what it made: without autovacuum (off on some machines) the dead rows pile up run after
    # run, and PostgreSQL's CPU per grading grew by half over a day of runs. Every run starts vacuumed.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")

    print(f"MLAssess grader benchmark · {os.cpu_count()} cores · load {os.getloadavg()[0]:.1f} · {time.strftime('%Y-%m-%d %H:%M')}")
    times, n_cases = sandbox_paths()
    print(f"\n1. f1-score, correct solution, {n_cases} hidden cases")
    print(f"   {'':44} {'runs':>5} {'median':>10} {'p95':>10}")
    for label, key in (("warm: forked from a zygote", "warm"), ("warm, back to back (waits for teardown)", "warm, back to back"),
                       ("cold: fresh bubblewrap and interpreter", "cold"), ("fresh-process: python + numpy, no sandbox", "fresh")):
        values = times[key]
        print(f"   {label:44} {len(values):5} {ms(statistics.median(values)):>10} {ms(percentile(values, 95)):>10}")
    sandbox_p50, fresh_p50 = statistics.median(times["warm"]), statistics.median(times["fresh"])
    print(f"   warm sandbox: {sandbox_p50 / fresh_p50:.2f}x a fresh unsandboxed process (target: sandbox p50 <= 10 ms)")

    figures, queries = in_process_breakdown()
    p50 = {key: statistics.median(values) for key, values in figures.items()}
    print("\n2. One grading in this process (no Celery), p50")
    print(f"   sandbox run (warm)                     {ms(sandbox_p50)}")
    print(f"   comparison (judge_code)                {ms(statistics.median(times['compare']))}")
    print(f"   run_task (cases cached + sandbox + comparison) {ms(p50['run_task'])}")
    print(f"   grade(): database, {queries['grade']} queries          {ms(p50['grade'] - p50['run_task'])}   (grade() {ms(p50['grade']).strip()} minus run_task)")
    print(f"   submit(): database + broker, {queries['submit']} queries  {ms(p50['submit'])}")
    print(f"   a new database connection             {ms(p50['connect'])}   (not paid per grading: a pool process keeps "
          f"its connection for {app.conf.CELERY_DB_REUSE_MAX} tasks)")

    observed, recorded, throughput, cpu = through_celery()
    print(f"\n3. Through Celery on Redis and PostgreSQL, {WORKERS} worker processes (solo pool)")
    print(f"   throughput: {throughput:.1f} graded submissions per second ({BURST} arriving at once)")
    print(f"   submit-to-verdict, idle, as the submitter sees it: p50 {ms(statistics.median(observed))}, p99 {ms(percentile(observed, 99))}")
    print(f"   submit-to-verdict, idle (database timestamps):     p50 {ms(statistics.median(recorded))}, p99 {ms(percentile(recorded, 99))}")
    inside = p50["submit"] + p50["grade"]
    print(f"   of the p50: submit() + grade() in-process {ms(inside).strip()}; Celery, the broker and polling the rest, "
          f"{ms(statistics.median(observed) - inside).strip()}")
    machine, parts = cpu
    workers = parts["workers' own"] + parts["zygotes and runs"]
    print(f"   CPU per grading in the burst: the machine {ms(machine).strip()} (all it did, on {os.cpu_count()} cores: at most "
          f"{os.cpu_count() / machine:.0f} graded/s at this cost), of which the workers {ms(workers).strip()}, and of "
          f"theirs the zygotes and their runs {ms(parts['zygotes and runs']).strip()}")
    print("   by part: " + ", ".join(f"{part} {ms(seconds).strip()}" for part, seconds in parts.items())
          + " (a process that ended meanwhile is not counted: the machine's figure is the whole)")
    print("   targets: >= 100 graded/s; submit-to-verdict p50 <= 30 ms, p99 <= 60 ms")
    print(
        f"grader: {throughput:.0f} graded/s ({WORKERS} workers), sandbox p50 {sandbox_p50 * 1000:.1f} ms, "
        f"submit-to-verdict p50 {statistics.median(observed) * 1000:.0f} ms p99 {percentile(observed, 99) * 1000:.0f} ms, "
        f"fresh-process {fresh_p50 * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
