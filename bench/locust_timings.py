"""What both locust files share: every response time kept and written to BENCH_TIMINGS when the run ends
(name, milliseconds, status, when), a stop after BENCH_MAX_REQUESTS requests, and a steady user.

Imported by the locust files (locust runs from the project folder, so `bench` is importable); importing it
registers the event listeners.
"""

import json
import os
import random
import time

import gevent
from locust import FastHttpUser, constant_throughput, events

RPS_PER_USER = float(os.environ.get("BENCH_RPS_PER_USER", "2"))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "100000"))
timings: list[tuple[str, float, int, float]] = []  # name, ms, status, when the response came
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


class SteadyUser(FastHttpUser):
    """Sends RPS_PER_USER requests a second whatever the response times (constant throughput)."""

    abstract = True
    wait_time = constant_throughput(RPS_PER_USER)

    def on_start(self):
        # Start at a random point of the first period, so that the users' requests interleave rather than
        # all firing at once every period.
        gevent.sleep(random.uniform(0, 1 / RPS_PER_USER))
