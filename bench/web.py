"""`python -m bench web`: the candidate pages under load, on a database the size of a busy installation.

1. Seeds the PostgreSQL database of DATABASE_URL (default: mlassess_webbench on this machine, created and
   migrated here) with 10,000 candidates and 1,000,000 answers and code submissions, with COPY, then runs
   `rebuild_progress` to fill the stored progress tables. A database already seeded is reused (`--reseed`
   seeds it again; only the bench's own candidates, `bench-*`, and their results are replaced).
2. Serves the app with gunicorn (production settings over plain HTTP, persistent database connections).
3. Drives the roadmap, profile and history pages of logged-in candidates with locust (headless) at a steady
   100 requests/s, bounded in time (--seconds) and in count, and prints one line per page:
   `<page>: p50 A ms, p95 B ms, p99 C ms` (goal: p99 <= 50 ms on this 2-core machine).

Options: --reseed, --seconds N (default 60), --rps N (default 100), --workers N (gunicorn, default 3).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mlassess_webbench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mlassess.settings")
os.environ["DJANGO_HTTPS"] = "0"
os.environ["DJANGO_DEBUG"] = "0"
os.environ.setdefault("MLASSESS_VAR_DIR", str(ROOT / "var" / "bench-web"))
sys.path.insert(0, str(ROOT))

CANDIDATES = 10_000
RESULTS = 1_000_000
CODE_SHARE = 0.3  # of results: code and ML submissions; the rest are answers
SHARING_SHARE = 0.3
SESSIONS = 300  # logged-in candidates the load generator uses
PREFIX = "bench-"


def ensure_database() -> None:
    import environ
    import psycopg

    cfg = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    if "postgresql" not in cfg["ENGINE"]:
        raise SystemExit("the web bench needs PostgreSQL: set DATABASE_URL to a postgres:// URL")
    with psycopg.connect(host=cfg["HOST"], port=cfg["PORT"] or 5432, user=cfg["USER"], dbname="postgres",
                         autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (cfg["NAME"],)).fetchone():
            conn.execute(f'CREATE DATABASE "{cfg["NAME"]}"')


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


# ---------------------------------------------------------------------------------------------------------------
# Seeding


def seeded() -> bool:
    from accounts.models import User
    from grader.models import Submission
    from questions.models import Attempt

    users = User.objects.filter(username__startswith=PREFIX)
    return (users.count() == CANDIDATES
            and Attempt.objects.filter(candidate__in=users).count() + Submission.objects.filter(candidate__in=users).count() == RESULTS)


def remove_bench_data() -> None:
    from django.db import connection

    with connection.cursor() as cur:
        bench_users = "SELECT id FROM accounts_user WHERE username LIKE 'bench-%'"
        for table in ["reviews_reviewitem", "reviews_graderecord"]:
            cur.execute(f"DELETE FROM {table} WHERE submission_id IN "
                        f"(SELECT id FROM grader_submission WHERE candidate_id IN ({bench_users})) OR attempt_id IN "
                        f"(SELECT id FROM questions_attempt WHERE candidate_id IN ({bench_users}))")
        cur.execute(f"DELETE FROM reviews_appeal WHERE candidate_id IN ({bench_users})")
        cur.execute(f"DELETE FROM reviews_notification WHERE user_id IN ({bench_users})")
        for table in ["grader_submission", "questions_attempt", "profiles_bestresult", "profiles_topicmastery",
                      "profiles_stagemastery", "profiles_profileview", "profiles_candidateprofile"]:
            cur.execute(f"DELETE FROM {table} WHERE candidate_id IN ({bench_users})")
        cur.execute("DELETE FROM django_session")
        cur.execute("DELETE FROM accounts_user WHERE username LIKE 'bench-%'")


def copy_rows(table: str, columns: list[str], rows) -> int:
    from django.db import connection

    connection.ensure_connection()
    count = 0
    with connection.connection.cursor() as cur:
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def seed() -> None:
    """10,000 candidates and 1,000,000 results, written with COPY; numbers drawn from a fixed seed."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from questions.models import CODE_TYPES, Question, QuestionType

    rng = random.Random(2026)
    now = timezone.now()
    password = make_password("bench-password-2026")
    with transaction.atomic():
        remove_bench_data()
        copy_rows(
            "accounts_user",
            ["password", "is_superuser", "username", "first_name", "last_name", "email", "is_staff", "is_active",
             "date_joined", "role", "share_profile"],
            ((password, False, f"{PREFIX}{i:05d}", "", "", f"{PREFIX}{i:05d}@example.com", False, True,
              now - timedelta(days=400), "candidate", rng.random() < SHARING_SHARE) for i in range(CANDIDATES)),
        )
        candidates = list(User.objects.filter(username__startswith=PREFIX).order_by("pk").values_list("pk", flat=True))
        questions = list(Question.objects.filter(retired=False).select_related("current_version"))
        answerable = [q for q in questions if q.current_version.type not in CODE_TYPES]
        tasks = [q for q in questions if q.current_version.type in CODE_TYPES]

        # How active each candidate is: a long tail, summing to exactly RESULTS.
        weights = [rng.lognormvariate(0, 0.8) for _ in candidates]
        scale = RESULTS / sum(weights)
        counts = [int(w * scale) for w in weights]
        counts[-1] += RESULTS - sum(counts)

        def results_of(index: int):
            """One candidate's results, drawn from a seed of its own with the same draws for every result, so
            that answers and submissions, written in two passes, come from one plan without holding a million
            rows in memory."""
            mine = random.Random(index)
            ability = mine.betavariate(3, 2)
            start = now - timedelta(days=mine.uniform(7, 365))
            step = (now - start) / max(counts[index], 1)
            for k in range(counts[index]):
                yield start + step * k, ability, [mine.random() for _ in range(6)]

        def attempt_rows():
            for index, candidate_id in enumerate(candidates):
                for created, ability, (code, pick, pending, right, partial, _) in results_of(index):
                    if code < CODE_SHARE:
                        continue
                    v = answerable[int(pick * len(answerable))].current_version
                    points = float(v.points)
                    waiting = v.type == QuestionType.FREE_TEXT and pending < 0.3
                    answer = json.dumps("A considered answer." if v.type == QuestionType.FREE_TEXT else "a")
                    score = None if waiting else (points if right < ability else round(points * (partial < 0.3) * 0.5, 4))
                    yield (candidate_id, v.question_id, v.pk, answer, "{}", "pending_review" if waiting else "graded",
                           score, points, "", created)

        def submission_rows():
            for index, candidate_id in enumerate(candidates):
                for created, ability, (code, pick, kind, right, passed, failed) in results_of(index):
                    if code >= CODE_SHARE:
                        continue
                    v = tasks[int(pick * len(tasks))].current_version
                    points = float(v.points)
                    kind = "examples" if kind < 0.15 else "submit"
                    if failed < 0.02:
                        yield (candidate_id, v.question_id, v.pk, kind, "def solve():\n    return 0\n", "failed",
                               "grader_error", None, points, 0, 0, "{}", 5, created, created, None, 5, "")
                        continue
                    passed = 10 if right < ability else int(passed * 10)
                    verdict = "accepted" if passed == 10 else "wrong_answer"
                    yield (candidate_id, v.question_id, v.pk, kind, "def solve():\n    return 0\n", "graded", verdict,
                           round(points * passed / 10, 4), points, passed, 10, "{}", 1, created, created,
                           created + timedelta(seconds=1), 1, "")

        copy_rows("questions_attempt", ["candidate_id", "question_id", "version_id", "answer", "variant", "status",
                                        "score", "max_score", "feedback", "created_at"], attempt_rows())
        copy_rows("grader_submission", ["candidate_id", "question_id", "version_id", "kind", "code", "status",
                                        "verdict", "score", "max_score", "passed", "total", "feedback", "tries",
                                        "created_at", "started_at", "graded_at", "sends", "lease_owner"], submission_rows())
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("ANALYZE")


def bench_sessions(count: int) -> list[str]:
    """Logged-in sessions of randomly chosen bench candidates (created directly: no password hashing in the load)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.models import User

    rng = random.Random(7)
    users = list(User.objects.filter(username__startswith=PREFIX).order_by("pk"))
    keys = []
    for user in rng.sample(users, count):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


# ---------------------------------------------------------------------------------------------------------------
# Serving and load


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env() -> dict:
    url = os.environ["DATABASE_URL"]
    if "conn_max_age" not in url:  # one connection per worker, kept: as production should run
        url += ("&" if "?" in url else "?") + "conn_max_age=600"
    return {**os.environ, "DATABASE_URL": url, "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}


def start_gunicorn(port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "mlassess.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--log-level", "warning"],
        cwd=ROOT, env=server_env(), start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=2)
            return server
        except OSError:
            time.sleep(0.3)
    stop(server)
    raise SystemExit("gunicorn did not start")


def stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def warm_up(port: int, sessions: list[str]) -> None:
    for key in sessions[:20]:
        for path in ("/roadmap/", "/profile/", "/profile/history/"):
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Cookie": f"sessionid={key}"})
            urllib.request.urlopen(request, timeout=30).read()


def one_at_a_time(port: int, sessions: list[str], per_page: int = 40) -> dict[str, list[float]]:
    """Each page requested alone, one request after another: the cost of a page without any queueing."""
    times: dict[str, list[float]] = {}
    for page, path in (("roadmap", "/roadmap/"), ("profile", "/profile/"), ("history", "/profile/history/")):
        for i in range(per_page):
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                             headers={"Cookie": f"sessionid={sessions[i % len(sessions)]}"})
            started = time.perf_counter()
            urllib.request.urlopen(request, timeout=30).read()
            times.setdefault(page, []).append(1000 * (time.perf_counter() - started))
    return times


def steady_load(locustfile: str, port: int, seconds: int, rps: int, env: dict) -> None:
    """Run locust headless at a steady `rps`: rps / 2 users, each sending 2 requests a second.

    The users are started 1 / rps apart (spawn rate = rps), so that their requests interleave evenly; started
    all at once, they would fire together every half second, and the bench would measure a burst's queue.
    """
    users = max(1, rps // 2)
    subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / locustfile), "--headless",
         "--users", str(users), "--spawn-rate", str(rps), "--run-time", f"{seconds}s", "--stop-timeout", "10",
         "--host", f"http://127.0.0.1:{port}", "--only-summary", "--loglevel", "WARNING"],
        cwd=ROOT, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=seconds + 120,
        env={**os.environ, **env, "BENCH_RPS_PER_USER": str(rps / users),
             "BENCH_MAX_REQUESTS": str(int(rps * seconds * 1.05))},
    )


def open_loop(port: int, requests: list[tuple[str, str, dict]], rps: int, seconds: int) -> list[tuple[str, float]]:
    """Milliseconds per request of a strictly steady load: one request every 1 / rps seconds, each on its own
    thread and connection, whatever the earlier ones are doing (an open loop, as real traffic arrives).

    A cross-check of locust's figures: on this 2-core machine locust's users bunch up, so that its percentiles
    time short bursts queueing at the server as well as the server itself.
    """
    import http.client
    import threading

    times: list[tuple[str, float]] = []  # (name, ms) of each request answered 200

    def one(name: str, path: str, headers: dict) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status == 200:
            times.append((name, 1000 * (time.perf_counter() - started)))  # list.append is atomic under the GIL

    threads = []
    start = time.perf_counter()
    for n in range(rps * seconds):
        delay = start + n / rps - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        thread = threading.Thread(target=one, args=requests[n % len(requests)])
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    return times


def steady_requests(sessions: list[str], count: int = 3000) -> list[tuple[str, str, dict]]:
    """The locust file's mix of pages (a third each; history pages and filters varied) for the open loop."""
    from questions.models import Stage

    rng = random.Random(11)
    stages = list(Stage.objects.values_list("slug", flat=True))
    out = []
    for _ in range(count):
        headers = {"Cookie": f"sessionid={rng.choice(sessions)}"}
        page = rng.choice(["roadmap", "profile", "history"])
        path = {"roadmap": "/roadmap/", "profile": "/profile/"}.get(page)
        if path is None:
            choice = rng.random()
            path = ("/profile/history/" if choice < 0.5 else f"/profile/history/?page={rng.randint(2, 4)}"
                    if choice < 0.75 else f"/profile/history/?stage={rng.choice(stages)}")
        out.append((page, path, headers))
    return out


def run_locust(port: int, sessions: list[str], seconds: int, rps: int, workdir: Path) -> list:
    from questions.models import Stage

    sessions_file, timings_file = workdir / "sessions.json", workdir / "timings.json"
    sessions_file.write_text(json.dumps(sessions))
    steady_load("web_locustfile.py", port, seconds, rps, {
        "BENCH_SESSIONS": str(sessions_file),
        "BENCH_TIMINGS": str(timings_file),
        "BENCH_STAGES": json.dumps(list(Stage.objects.values_list("slug", flat=True))),
    })
    return json.loads(timings_file.read_text())


def load_bench_arguments(prog: str) -> argparse.Namespace:
    """The options both load benches take, then the database: created, migrated and given the bank's content."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--rps", type=int, default=100)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args(sys.argv[2:])

    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command

    from questions.services import sync_bank

    call_command("migrate", verbosity=0)
    sync_bank()  # the bank's content; its code tasks are checked by `manage.py sync_bank`, not needed here
    return args


def main() -> None:
    args = load_bench_arguments("python -m bench web")
    from django.core.management import call_command

    from profiles.services import progress_rebuild
    print(f"MLAssess web benchmark · {os.cpu_count()} cores · {time.strftime('%Y-%m-%d %H:%M')}")
    if args.reseed or not seeded():
        started = time.monotonic()
        seed()
        print(f"seeded {CANDIDATES:,} candidates and {RESULTS:,} answers and submissions in "
              f"{time.monotonic() - started:.0f} s (COPY)")
        started = time.monotonic()
        progress_rebuild()
        print(f"rebuild_progress over them: {time.monotonic() - started:.0f} s")
    else:
        print(f"reusing the seeded database ({CANDIDATES:,} candidates, {RESULTS:,} results; --reseed to seed again)")
    call_command("collectstatic", verbosity=0, interactive=False)
    sessions = bench_sessions(SESSIONS)

    port = free_port()
    server = start_gunicorn(port, args.workers)
    try:
        warm_up(port, sessions)
        alone = one_at_a_time(port, sessions)
        load_before = os.getloadavg()[0]
        with tempfile.TemporaryDirectory() as workdir:
            timings = run_locust(port, sessions, args.seconds, args.rps, Path(workdir))
        steady = open_loop(port, steady_requests(sessions), args.rps, min(args.seconds, 30))
    finally:
        stop(server)

    failures = sum(1 for _, _, status, _ in timings if status != 200)
    elapsed = max(t for *_, t in timings) - min(t for *_, t in timings) if timings else 1
    print(f"offered {args.rps} requests/s for {args.seconds} s (locust, {max(1, args.rps // 2)} users at constant "
          f"throughput; gunicorn, {args.workers} workers); served {len(timings):,} requests, about "
          f"{len(timings) / max(elapsed, 1):.0f}/s; {failures} not 200; load average before {load_before:.1f}, "
          f"after {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("one request at a time, no load: " + ", ".join(
        f"{page} p50 {percentile(ms, 50):.0f} ms" for page, ms in alone.items()))
    for page in ("roadmap", "profile", "history"):
        ms = [t for name, t, _, _ in timings if name == page]
        if ms:
            print(f"{page}: p50 {percentile(ms, 50):.0f} ms, p95 {percentile(ms, 95):.0f} ms, p99 {percentile(ms, 99):.0f} ms")
    print(f"the same pages as a steady open loop ({args.rps}/s for {min(args.seconds, 30)} s, one request every "
          f"{1000 / args.rps:.0f} ms): " + "; ".join(
              f"{page} p50 {percentile(ms, 50):.0f} ms, p95 {percentile(ms, 95):.0f} ms, p99 {percentile(ms, 99):.0f} ms"
              for page in ("roadmap", "profile", "history") if (ms := [t for name, t in steady if name == page])))


if __name__ == "__main__":
    main()
