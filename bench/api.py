"""`python -m bench api`: the recruiter API's candidate list under load, over 10,000 candidates with stored mastery.

1. Seeds the PostgreSQL database of DATABASE_URL (default: mlassess_api on this machine, created and migrated here)
   with 10,000 candidates (`apibench-*`, 30% sharing with every verified organisation) and their stored mastery per
   topic, stage and roadmap, written with COPY, plus a verified organisation with a recruiter, 40 listings and 500
   active applications (candidates who do not share, seen through their application). A seeded database is reused
   (`--reseed` seeds it again; only the bench's own rows are replaced).
2. Serves the app with gunicorn (production settings over plain HTTP, persistent database connections).
3. Requests `GET /api/v1/candidates/?topic=<slug>&min_mastery=<x>` (random topic and bar, some pages deeper by
   cursor, some ordered by activity) with the organisation's API token, at a steady 100 requests/s with locust,
   and prints p50/p95/p99 and the rate achieved (goal: p99 <= 50 ms on this 2-core machine).

Options: --reseed, --seconds N (default 60), --rps N (default 100), --workers N (gunicorn, default 3).
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mlassess_api")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mlassess.settings")
os.environ["DJANGO_HTTPS"] = "0"
os.environ["DJANGO_DEBUG"] = "0"
os.environ.setdefault("MLASSESS_VAR_DIR", str(ROOT / "var" / "bench-api"))
os.environ["MLASSESS_API_TOKEN_RATE"] = "1000000/minute"  # the bench measures latency, not the per-token limit
# The per-token throttle counts in the cache, which production keeps in Redis (not the embedded set-up's folder).
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/12")
sys.path.insert(0, str(ROOT))


CANDIDATES = 10_000
SHARING_SHARE = 0.3
APPLICATIONS = 500
PREFIX = "apibench-"
TOKEN = "mla_apibench-token-not-secret"


def seeded() -> bool:
    from accounts.models import User
    from profiles.models import TopicMastery

    users = User.objects.filter(username__startswith=PREFIX, role="candidate")
    return users.count() == CANDIDATES and TopicMastery.objects.filter(candidate__in=users).exists()


def remove_bench_data() -> None:
    from django.db import connection

    with connection.cursor() as cur:
        bench_users = f"SELECT id FROM accounts_user WHERE username LIKE '{PREFIX}%'"
        bench_org = "SELECT id FROM recruiting_organisation WHERE slug = 'apibench-org'"
        bench_listings = f"SELECT id FROM recruiting_listing WHERE organisation_id IN ({bench_org})"
        cur.execute(f"DELETE FROM recruiting_applicationstatuschange WHERE application_id IN (SELECT id FROM "
                    f"recruiting_application WHERE candidate_id IN ({bench_users}) OR listing_id IN ({bench_listings}))")
        cur.execute(f"DELETE FROM recruiting_application WHERE candidate_id IN ({bench_users}) "
                    f"OR listing_id IN ({bench_listings})")
        for table in ["recruiting_listing_topics", "recruiting_listing_stages"]:
            cur.execute(f"DELETE FROM {table} WHERE listing_id IN ({bench_listings})")
        cur.execute(f"DELETE FROM recruiting_listing WHERE organisation_id IN ({bench_org})")
        cur.execute(f"DELETE FROM api_apitoken WHERE organisation_id IN ({bench_org})")
        cur.execute(f"DELETE FROM api_webhookendpoint WHERE organisation_id IN ({bench_org})")
        cur.execute(f"DELETE FROM recruiting_recruitermembership WHERE organisation_id IN ({bench_org})")
        cur.execute(f"DELETE FROM recruiting_organisation WHERE id IN ({bench_org})")
        for table in ["profiles_topicmastery", "profiles_stagemastery", "profiles_profileview",
                      "profiles_candidateprofile"]:
            cur.execute(f"DELETE FROM {table} WHERE candidate_id IN ({bench_users})")
        cur.execute(f"DELETE FROM recruiting_recruitermembership WHERE recruiter_id IN ({bench_users})")
        cur.execute(f"DELETE FROM api_apitoken WHERE created_by_id IN ({bench_users})")
        cur.execute(f"DELETE FROM accounts_user WHERE username LIKE '{PREFIX}%'")


def _mastery(rng: random.Random, ability: float, total: int) -> tuple:
    """One stored mastery row's figures: (earned, graded_weight, total_weight, graded, solved, total, points_earned,
    points_total, score, coverage, level), consistent with the table's constraints."""
    graded = rng.randint(0, total) if rng.random() < 0.8 else 0
    if not graded:
        return (0.0, 0.0, float(total), 0, 0, total, 0.0, total, 0.0, 0.0, 0)
    score = min(1.0, max(0.0, rng.gauss(ability, 0.15)))
    coverage = graded / total
    solved = min(graded, round(graded * score))
    level = 4 if score >= 0.9 and coverage >= 0.8 else 3 if score >= 0.7 else 2 if score >= 0.4 else 1
    return (score * graded, float(graded), float(total), graded, solved, total, round(score * graded, 2), total,
            round(score, 4), round(coverage, 4), level)


def seed() -> None:
    import uuid

    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from bench.web import copy_rows
    from profiles.selectors import bank_summary
    from recruiting.models import Application, Listing, ListingState, Organisation, RecruiterMembership

    rng = random.Random(2026)
    now = timezone.now()
    bank = bank_summary()
    topic_totals = {t.pk: max(1, len(bank.in_topic(t.pk))) for t in bank.topics}
    stage_totals = {s.pk: max(1, len(bank.in_stage(s.pk))) for s in bank.stages}
    password = make_password(None)  # unusable: the bench's candidates never log in
    columns = ["candidate_id", "earned", "graded_weight", "total_weight", "graded_questions", "solved_questions",
               "total_questions", "points_earned", "points_total", "score", "coverage", "level"]
    with transaction.atomic():
        remove_bench_data()
        copy_rows(
            "accounts_user",
            ["password", "is_superuser", "username", "first_name", "last_name", "email", "is_staff", "is_active",
             "date_joined", "role", "share_profile"],
            ((password, False, f"{PREFIX}{i:05d}", "", "", f"{PREFIX}{i:05d}@example.com", False, True,
              now - timedelta(days=400), "candidate", rng.random() < SHARING_SHARE) for i in range(CANDIDATES)),
        )
        ids = list(User.objects.filter(username__startswith=PREFIX).order_by("pk").values_list("pk", flat=True))
        abilities = {pk: rng.betavariate(3, 2) for pk in ids}
        copy_rows("profiles_candidateprofile", ["public_id", "last_activity_at", *columns], (
            (uuid.UUID(int=rng.getrandbits(128), version=4), now - timedelta(days=rng.uniform(0, 200)), pk,
             *_mastery(rng, abilities[pk], len(bank.questions)))
            for pk in ids
        ))
        copy_rows("profiles_topicmastery", ["topic_id", *columns], (
            (topic_id, pk, *figures) for pk in ids for topic_id, total in topic_totals.items()
            if (figures := _mastery(rng, abilities[pk], total))[3]
        ))
        copy_rows("profiles_stagemastery", ["stage_id", *columns], (
            (stage_id, pk, *figures) for pk in ids for stage_id, total in stage_totals.items()
            if (figures := _mastery(rng, abilities[pk], total))[3]
        ))
        recruiter = User.objects.create(username=f"{PREFIX}recruiter", email=f"{PREFIX}recruiter@example.com",
                                        role="recruiter", password=password)
        organisation = Organisation.objects.create(name="API Bench Org", slug="apibench-org", verified_at=now)
        RecruiterMembership.objects.create(recruiter=recruiter, organisation=organisation)
        listings = Listing.objects.bulk_create(
            Listing(organisation=organisation, created_by=recruiter, title=f"Bench listing {i}", description="x",
                    location="Remote", workplace_type="remote", employment_type="internship",
                    state=ListingState.PUBLISHED, posted_at=now, valid_through=now + timedelta(days=60))
            for i in range(40)
        )
        shy = list(User.objects.filter(username__startswith=PREFIX, role="candidate", share_profile=False)
                   .values_list("pk", flat=True)[:APPLICATIONS])
        Application.objects.bulk_create(
            Application(listing=listings[i % len(listings)], candidate_id=pk, consent_given_at=now)
            for i, pk in enumerate(shy)
        )
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("ANALYZE")


def token_ensure() -> str:
    from django.utils import timezone

    from accounts.models import User
    from api.models import ApiToken, TokenScope
    from api.services import token_hash
    from recruiting.selectors import organisation_of

    recruiter = User.objects.get(username=f"{PREFIX}recruiter")
    ApiToken.objects.filter(secret_hash=token_hash(TOKEN)).delete()
    ApiToken.objects.create(organisation=organisation_of(recruiter=recruiter), created_by=recruiter, name="bench",
                            prefix=TOKEN[:10], secret_hash=token_hash(TOKEN), scope=TokenScope.READ,
                            expires_at=timezone.now() + timedelta(days=1))
    return TOKEN


def paths(topics: list[str], count: int, seed: int) -> list[str]:
    """The requests' mix: mostly a topic with a bar; some by stage or by activity."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.8:
            out.append(f"/api/v1/candidates/?topic={rng.choice(topics)}&min_mastery={rng.choice([0.3, 0.5, 0.7, 0.8])}")
        elif kind < 0.9:
            out.append(f"/api/v1/candidates/?topic={rng.choice(topics)}&min_mastery=0.5&ordering=-last_activity")
        else:
            out.append("/api/v1/candidates/?ordering=-mastery")
    return out


def get(port: int, path: str) -> tuple[float, int, dict]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"Token {TOKEN}"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.loads(response.read())
        return 1000 * (time.perf_counter() - started), response.status, body


def server_cpu_seconds(server) -> float:
    """CPU time (user + system) used so far by gunicorn's worker processes (Linux /proc)."""
    total = 0.0
    for child in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split():
        fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def run_locust(port: int, request_paths: list[str], seconds: int, rps: int, workdir: Path) -> list:
    from bench.web import steady_load

    paths_file, timings_file = workdir / "paths.json", workdir / "timings.json"
    paths_file.write_text(json.dumps(request_paths))
    steady_load("api_locustfile.py", port, seconds, rps,
                {"BENCH_PATHS": str(paths_file), "BENCH_TOKEN": TOKEN, "BENCH_TIMINGS": str(timings_file)})
    return json.loads(timings_file.read_text())


def main() -> None:
    # The web bench's helpers; imported here, after this module has set the environment they read.
    from bench.web import free_port, load_bench_arguments, open_loop, percentile, start_gunicorn, stop

    args = load_bench_arguments("python -m bench api")
    from django.core.management import call_command

    from questions.models import Topic

    print(f"MLAssess API benchmark · {os.cpu_count()} cores · {time.strftime('%Y-%m-%d %H:%M')}")
    if args.reseed or not seeded():
        started = time.monotonic()
        seed()
        print(f"seeded {CANDIDATES:,} candidates with stored mastery per topic and stage, a verified organisation, "
              f"{APPLICATIONS} applications, in {time.monotonic() - started:.0f} s (COPY)")
    else:
        print(f"reusing the seeded database ({CANDIDATES:,} candidates; --reseed to seed again)")
    token_ensure()
    topics = list(Topic.objects.values_list("slug", flat=True))
    call_command("collectstatic", verbosity=0, interactive=False)

    port = free_port()
    server = start_gunicorn(port, args.workers)
    try:
        for path in paths(topics, 30, seed=1):  # warm up every worker's connection and the bank summary
            get(port, path)
        alone = [get(port, path)[0] for path in paths(topics, 100, seed=2)]
        ms, _, body = get(port, f"/api/v1/candidates/?topic={topics[0]}&min_mastery=0.5")
        deep = 0
        while body.get("next") and deep < 5:  # five pages down by cursor
            ms_next, _, body = get(port, body["next"].split(f":{port}", 1)[1])
            deep += 1
        load_before = os.getloadavg()[0]
        cpu_before = server_cpu_seconds(server)
        with tempfile.TemporaryDirectory() as workdir:
            timings = run_locust(port, paths(topics, 5000, seed=3), args.seconds, args.rps, Path(workdir))
        cpu_used = server_cpu_seconds(server) - cpu_before
        steady = open_loop(port, [("candidates", path, {"Authorization": f"Token {TOKEN}"})
                                  for path in paths(topics, 3000, seed=4)],
                           args.rps, min(args.seconds, 30))
    finally:
        stop(server)

    failures = sum(1 for _, _, status, _ in timings if status != 200)
    elapsed = max(t for *_, t in timings) - min(t for *_, t in timings) if timings else 1
    print(f"offered {args.rps} requests/s for {args.seconds} s (locust, {max(1, args.rps // 2)} users at constant "
          f"throughput; gunicorn, {args.workers} workers); served {len(timings):,} requests, about "
          f"{len(timings) / max(elapsed, 1):.0f}/s; {failures} not 200; load average before {load_before:.1f}, "
          f"after {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; the web workers used "
          f"{1000 * cpu_used / max(len(timings), 1):.1f} ms of CPU a request")
    print(f"one request at a time, no load: p50 {percentile(alone, 50):.0f} ms, p99 {percentile(alone, 99):.0f} ms; "
          f"a page five cursors deep: {ms_next if deep else ms:.0f} ms")
    under_load = [t for _, t, status, _ in timings if status == 200]
    if under_load:
        print(f"candidates filtered by topic mastery: p50 {percentile(under_load, 50):.0f} ms, "
              f"p95 {percentile(under_load, 95):.0f} ms, p99 {percentile(under_load, 99):.0f} ms")
    steady = [ms for _, ms in steady]
    if steady:
        print(f"the same requests as a steady open loop ({args.rps}/s for {min(args.seconds, 30)} s, one request every "
              f"{1000 / args.rps:.0f} ms): p50 {percentile(steady, 50):.0f} ms, p95 {percentile(steady, 95):.0f} ms, "
              f"p99 {percentile(steady, 99):.0f} ms")


if __name__ == "__main__":
    main()
