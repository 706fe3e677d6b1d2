"""What the broker holds: which submissions have a grading message waiting or in a worker's hands.

The sweep asks this before re-sending a submission, so that a long backlog (every message still in the
broker, just not reached yet) causes no extra sends, while a message that went down with a broker restart
is sent again. Grading messages carry the task id `grade-<submission id>-<nonce>`, which is found here in
the raw messages without decoding them.

Supported: Redis (the queue's lists and the unacknowledged-message hash) and the embedded folder broker
(the message files). For any other broker this returns None and the sweep falls back to time alone.
"""

from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path

from django.conf import settings

log = logging.getLogger(__name__)

GRADING_QUEUE = "grading"
TASK_ID = re.compile(rb"grade-(\d+)-[0-9a-f]{12}")
_REDIS_PRIORITY_SEPARATOR = "\x06\x16"
_REDIS_PRIORITY_STEPS = (3, 6, 9)  # kombu's default steps (0 is the plain queue name)


def grading_task_id(submission_id: int) -> str:
    """A new grading message's task id; it names the submission so the broker's contents can be read."""
    return f"grade-{submission_id}-{uuid.uuid4().hex[:12]}"


def submissions_in_broker() -> set[int] | None:
    """Ids of submissions whose grading message is waiting or unacknowledged; None if the broker cannot tell."""
    try:
        if settings.REDIS_URL:
            return _in_redis()
        return _in_folder(Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"]))
    except Exception:  # noqa: BLE001 - the sweep must go on (by time alone) when the broker cannot be read
        log.exception("could not read the broker's grading queue")
        return None


def _ids(raw: bytes) -> set[int]:
    return {int(m) for m in TASK_ID.findall(raw)}


def _in_redis() -> set[int]:
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL)
    try:
        found: set[int] = set()
        queues = [GRADING_QUEUE] + [f"{GRADING_QUEUE}{_REDIS_PRIORITY_SEPARATOR}{step}" for step in _REDIS_PRIORITY_STEPS]
        for key in queues:
            start = 0
            while batch := client.lrange(key, start, start + 999):
                for message in batch:
                    found |= _ids(message)
                start += len(batch)
        # Unacknowledged messages: delivered to a worker that may be running them, or may have died (Redis
        # hands those back after the visibility timeout).
        for _, message in client.hscan_iter("unacked"):
            found |= _ids(message)
        return found
    finally:
        client.close()


def _in_folder(folder: Path) -> set[int]:
    found: set[int] = set()
    for path in folder.glob(f"*.{GRADING_QUEUE}.msg"):
        try:
            found |= _ids(path.read_bytes())
        except OSError:
            continue  # taken by a worker meanwhile
    return found
