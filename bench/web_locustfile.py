"""Locust load for `python -m bench web`: logged-in candidates open the roadmap, their profile and their history.

Each simulated user holds the session of one seeded candidate (BENCH_SESSIONS, a JSON list of session keys) and
sends BENCH_RPS_PER_USER requests a second, whatever the response times (constant throughput: the total load
stays steady). Every response time is written to BENCH_TIMINGS (page, milliseconds, status) when the run ends;
the run also stops after BENCH_MAX_REQUESTS requests, so it is bounded in count as well as in time.
"""

import json
import os
import random

from locust import task

from bench.locust_timings import SteadyUser

SESSIONS = json.loads(open(os.environ["BENCH_SESSIONS"]).read())
STAGES = json.loads(os.environ.get("BENCH_STAGES", "[]"))


class Candidate(SteadyUser):
    def on_start(self):
        self.session = random.choice(SESSIONS)
        super().on_start()

    def get(self, path: str, name: str):
        with self.client.get(path, name=name, headers={"Cookie": f"sessionid={self.session}"},
                             allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task
    def roadmap(self):
        self.get("/roadmap/", "roadmap")

    @task
    def profile(self):
        self.get("/profile/", "profile")

    @task
    def history(self):
        choice = random.random()
        if choice < 0.5:
            path = "/profile/history/"
        elif choice < 0.75:
            path = f"/profile/history/?page={random.randint(2, 4)}"
        else:
            path = f"/profile/history/?stage={random.choice(STAGES)}" if STAGES else "/profile/history/"
        self.get(path, "history")
