"""Locust load for `python -m bench api`: a recruiter's system lists candidates by topic mastery with its API token.

Each simulated user sends BENCH_RPS_PER_USER requests a second (constant throughput) along the prepared list of
paths (BENCH_PATHS); every response time goes to BENCH_TIMINGS when the run ends, which also comes after
BENCH_MAX_REQUESTS requests.
"""

import itertools
import json
import os

from locust import task

from bench.locust_timings import SteadyUser

with open(os.environ["BENCH_PATHS"]) as paths_file:
    PATHS = itertools.cycle(json.load(paths_file))
HEADERS = {"Authorization": f"Token {os.environ['BENCH_TOKEN']}"}


class RecruiterSystem(SteadyUser):
    @task
    def candidates(self):
        with self.client.get(next(PATHS), name="candidates", headers=HEADERS, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
