"""Locust load for `python -m bench api`: a recruiter's system lists candidates by topic mastery with its API token.

Each simulated user sends BENCH_RPS_PER_USER requests a second (constant throughput) along the prepared list of
paths (BENCH_PATHS); every response time goes to BENCH_TIMINGS when the run ends, which also comes after
BENCH_MAX_REQUESTS requests.
"""

import itertools
import json
import os
import random
import time

import gevent
from locust import FastHttpUser, constant_throughput, events, task

with open(os.environ["BENCH_PATHS"]) as paths_file:
    PATHS = itertools.cycle(json.load(paths_file))
HEADERS = {"Authorization": f"Token {os.environ['BENCH_TOKEN']}"}
RPS_PER_USER = float(os.environ.get("BENCH_RPS_PER_USER", "2"))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "100000"))
timings: list[tuple[str, float, int, float]] = []
environment = None


@events.init.add_listener
def keep(environment, **kwargs):
    globals()["environment"] = environment


@events.request.add_listener
def record(request_type, name, response_time, response_length, response=None, exception=None, **kwargs):
    timings.append((name, response_time, getattr(response, "status_code", 0) if exception is None else 0, time.time()))
    if len(timings) == MAX_REQUESTS and environment is not None and environment.runner is not None:
        gevent.spawn(environment.runner.quit)


@events.quitting.add_listener
def save(environment, **kwargs):
    with open(os.environ["BENCH_TIMINGS"], "w") as out:
        json.dump(timings, out)


class RecruiterSystem(FastHttpUser):
    wait_time = constant_throughput(RPS_PER_USER)

    def on_start(self):
        # Start at a random point of the first period, so that the users' requests interleave into a steady
        # stream; started together, they would fire together every period and the bench would time a burst.
        gevent.sleep(random.uniform(0, 1 / RPS_PER_USER))

    @task
    def candidates(self):
        with self.client.get(next(PATHS), name="candidates", headers=HEADERS, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
