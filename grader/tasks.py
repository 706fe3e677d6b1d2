"""Celery entry points for grading: thin callers of grader.services."""

from celery import shared_task

from grader import services


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=4, ignore_result=True)
def grade_submission(self, submission_id: int) -> None:
    """Grade one submission by id. Our own failures retry with backoff and end as grader_error."""
    try:
        services.grade(submission_id=submission_id)
    except services.GraderFault as exc:
        if self.request.retries >= self.max_retries:
            services.grading_give_up(submission_id=submission_id, reason=str(exc))
            return
        services.grading_retry_later(submission_id=submission_id)
        raise self.retry(exc=exc, countdown=2 ** (self.request.retries + 1))


@shared_task(ignore_result=True)
def sweep_stuck_submissions() -> None:
    services.sweep_stuck()

