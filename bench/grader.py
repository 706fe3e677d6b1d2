"""`python -m bench grader` (what `make bench` runs): figures for the grader, measured in one run (print, never assert).

1. Sandbox cost: a correct f1-score solution through the sandbox, against the same cases run by a fresh,
   unsandboxed Python process with NumPy (the naive way). Interleaved runs; median, p95 and the ratio.
2. Throughput: graded submissions per second with two Celery workers on Redis and PostgreSQL.
3. Submit-to-verdict latency through Celery and Redis on an idle machine (p50, p99).

Needs PostgreSQL and Redis: DATABASE_URL and REDIS_URL, defaulting to this machine's local services
(database mlassess_bench, Redis db 1), which the benchmark creates and migrates itself.
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

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mlassess_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mlassess.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
sys.path.insert(0, str(ROOT))


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


def sandbox_versus_naive(runs=30):
    from django.conf import settings

    from grader import judging
    from grader.cases import HIDDEN, hidden_seed, prepared_cases
    from grader.sandbox.launcher import SITE_PACKAGES, run_sandboxed
    from questions.bank_format import load_bank

    task = next(q for q in load_bank(settings.BANK_DIR).questions if q.slug == "f1-score")
    code = task.spec["solution"]
    cases, _ = prepared_cases(task.spec, which=HIDDEN, seed=hidden_seed(task.content_hash))
    run = {"entry_point": "f1_score", "mode": "function", "cases": [c.to_run() for c in cases], "packages": ["numpy"]}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "run.json").write_text(json.dumps(run))
        (Path(tmp) / "submission.py").write_text(code)
        naive_cmd = [sys.executable, "-I", "-S", "-c", NAIVE.format(site=str(SITE_PACKAGES), run=f"{tmp}/run.json", submission=f"{tmp}/submission.py")]
        sandboxed, naive, graded = [], [], []
        for _ in range(runs):  # interleaved, so both see the same background noise
            start = time.perf_counter()
            outcome = run_sandboxed(submission=code, run=run, packages=["numpy"], limits=judging.limits_for(task.spec))
            sandboxed.append(time.perf_counter() - start)
            assert len(outcome.records) == len(cases) + 1
            start = time.perf_counter()
            subprocess.run(naive_cmd, check=True, capture_output=True)
            naive.append(time.perf_counter() - start)
            start = time.perf_counter()
            verdict = judging.run_task("code", task.spec, code, which=HIDDEN, seed=hidden_seed(task.content_hash), points=10)
            graded.append(time.perf_counter() - start)
            assert verdict.verdict == "accepted"
    return sandboxed, naive, graded, len(cases)


def start_workers(count):
    env = {**os.environ}
    workers = []
    for i in range(count):
        workers.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "mlassess", "worker", "-Q", "grading", "-c", "1", "-n", f"bench{i}@%h",
             "--loglevel", "ERROR", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
    return workers


def stop_workers(workers):
    for w in workers:
        os.killpg(w.pid, signal.SIGTERM)
    for w in workers:
        w.wait(timeout=60)


def through_celery(submissions=60, sequential=40):
    from accounts.models import User
    from grader import services
    from grader.models import Submission, SubmissionStatus
    from mlassess.celery import app
    from questions.models import Question

    Submission.objects.filter(candidate__username__startswith="bench-").delete()
    User.objects.filter(username__startswith="bench-").delete()
    with app.connection_for_write() as conn:
        conn.default_channel.queue_declare("grading", durable=True, auto_delete=False)
        conn.default_channel.queue_purge("grading")
    question = Question.objects.get(slug="f1-score")
    code = question.current_version.spec["solution"]
    people = [User.objects.create_user(username=f"bench-{i}", password="x" * 12, role="candidate") for i in range(submissions // 4)]
    workers = start_workers(2)
    try:
        # Warm up: each worker process imports scikit-learn and prepares the cases once.
        warm = [services.submit(candidate=people[i], question=question, code=code).pk for i in range(4)]
        wait_graded(warm)
        Submission.objects.filter(pk__in=warm).delete()

        # Latency, one submission at a time on idle workers.
        latencies, observed = [], []
        for i in range(sequential):
            start = time.perf_counter()
            pk = services.submit(candidate=people[i % len(people)], question=question, code=code).pk
            wait_graded([pk], poll=0.002)
            observed.append(time.perf_counter() - start)
            s = Submission.objects.get(pk=pk)
            latencies.append((s.graded_at - s.created_at).total_seconds())
        Submission.objects.filter(candidate__username__startswith="bench-").delete()

        # Throughput: a burst of submissions for two workers.
        ids = [services.submit(candidate=people[i // 4], question=question, code=code).pk for i in range(submissions)]
        wait_graded(ids)
        rows = Submission.objects.filter(pk__in=ids)
        first = min(r.created_at for r in rows)
        last = max(r.graded_at for r in rows)
        assert all(r.status == SubmissionStatus.GRADED and r.verdict == "accepted" for r in rows)
        throughput = submissions / (last - first).total_seconds()
    finally:
        stop_workers(workers)
        Submission.objects.filter(candidate__username__startswith="bench-").delete()
        User.objects.filter(username__startswith="bench-").delete()
    return latencies, observed, throughput


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

    call_command("migrate", verbosity=0)
    call_command("sync_bank", verbosity=0)

    print(f"MLAssess grader benchmark · {os.cpu_count()} cores · {time.strftime('%Y-%m-%d %H:%M')}")
    sandboxed, naive, graded, n_cases = sandbox_versus_naive()
    ms = lambda v: f"{v * 1000:7.1f} ms"
    print(f"\n1. f1-score, correct solution, {n_cases} hidden cases, {len(sandboxed)} interleaved runs each")
    print(f"   {'':34} {'median':>10} {'p95':>10}")
    print(f"   {'sandboxed run (bwrap + harness)':34} {ms(statistics.median(sandboxed)):>10} {ms(percentile(sandboxed, 95)):>10}")
    print(f"   {'naive fresh python, no sandbox':34} {ms(statistics.median(naive)):>10} {ms(percentile(naive, 95)):>10}")
    print(f"   {'full grade (run + compare)':34} {ms(statistics.median(graded)):>10} {ms(percentile(graded, 95)):>10}")
    print(f"   sandbox cost: {statistics.median(sandboxed) / statistics.median(naive):.2f}x the naive baseline (target: at most 1.5x)")

    latencies, observed, throughput = through_celery()
    print("\n2. Through Celery on Redis and PostgreSQL, two workers (one process each)")
    print(f"   throughput: {throughput:.2f} graded submissions per second (60 submitted at once)")
    print(f"   submit-to-verdict, idle (database timestamps): p50 {ms(statistics.median(latencies))}, p99 {ms(percentile(latencies, 99))}")
    print(f"   submit-to-verdict, idle (seen by the submitter): p50 {ms(statistics.median(observed))}, p99 {ms(percentile(observed, 99))}")
    print("   target: p50 under 300 ms")


if __name__ == "__main__":
    main()
