"""Background jobs of the reports: a job id in, `reports.jobs.run_job` called.

`build_report` runs on the "reports" queue (CELERY_TASK_ROUTES), so a long report never holds up
the mail. The message is acknowledged only once the task has finished (`acks_late`), and given
back to the broker if the worker dies meanwhile (`reject_on_worker_lost`): the job's claim keeps
the report from being built twice. A passing fault is retried with a growing delay, a bounded
number of times; a rendering error is recorded on the job by `run_job` and never retried.
"""

from celery import shared_task
from django.conf import settings

from . import jobs


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.REPORT_SOFT_TIME_LIMIT,
    time_limit=settings.REPORT_TIME_LIMIT,
    autoretry_for=jobs.PASSING_FAULTS,
    max_retries=4,
    retry_backoff=30,
    retry_backoff_max=600,
    retry_jitter=True,
)
def build_report(self, job_id):
    """Build the report of job `job_id`."""
    jobs.run_job(job_id, final=self.request.retries >= self.max_retries)
