"""Celery entry points for grading: thin callers of grader.services."""

from celery import shared_task

from grader import services


@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def grade_submission(submission_id: int) -> None:
    """Grade one submission by id. Our own failures are sent again with backoff and end as grader_error."""
    try:
        services.grade(submission_id=submission_id)
    except services.GraderFault as exc:
        services.grading_failed(submission_id=submission_id, reason=str(exc))


@shared_task(ignore_result=True)
def sweep_stuck_submissions() -> None:
    """Send again the submissions whose grading message was lost (beat runs this every 30 seconds)."""
    services.sweep_stuck()
