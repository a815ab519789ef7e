"""The Celery task: on the reports queue, acknowledged late, bounded in time, retried on a
passing fault only."""

import kombu.exceptions
import pytest
import redis.exceptions
from django.conf import settings
from django.db import InterfaceError, OperationalError

from reports.models import ReportJob
from reports.tasks import build_report

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _as_a_worker(monkeypatch):
    """Inline, but as a worker runs a task: its retries run (inline, at once) instead of
    `Retry` being raised to the caller, as task_eager_propagates does for the other tests."""
    from sdgp.celery import app

    monkeypatch.setitem(app.conf, "task_eager_propagates", False)


State = ReportJob.State


def test_the_task_runs_on_its_own_queue_late_acknowledged_and_time_limited():
    assert settings.CELERY_TASK_ROUTES[build_report.name] == {"queue": "reports"}
    assert build_report.acks_late
    assert build_report.reject_on_worker_lost
    assert build_report.soft_time_limit == settings.REPORT_SOFT_TIME_LIMIT
    assert build_report.time_limit == settings.REPORT_TIME_LIMIT
    assert build_report.soft_time_limit < build_report.time_limit
    assert 0 < build_report.max_retries <= 10
    assert build_report.retry_backoff


@pytest.mark.parametrize(
    "fault",
    [
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
        redis.exceptions.ConnectionError("Connection refused"),
        kombu.exceptions.OperationalError("broker down"),
        OSError("No space left on device"),
    ],
    ids=lambda fault: type(fault).__name__,
)
def test_a_passing_fault_is_retried_and_the_report_built(job, renderer, fault):
    renderer.errors.append(fault)

    build_report.apply(args=[job.pk])

    job.refresh_from_db()
    assert renderer.calls == [job.pk, job.pk]
    assert (job.state, job.attempts, job.pages) == (State.DONE, 2, 3)


def test_a_fault_that_does_not_pass_fails_the_job_after_the_last_retry(job, renderer):
    renderer.errors.extend(OperationalError("down") for _ in range(build_report.max_retries + 1))

    build_report.apply(args=[job.pk])

    job.refresh_from_db()
    assert len(renderer.calls) == build_report.max_retries + 1
    assert job.state == State.FAILED
    assert "OperationalError" in job.error


def test_a_rendering_error_is_recorded_and_not_retried(job, renderer):
    renderer.errors.append(KeyError("chapter"))

    result = build_report.apply(args=[job.pk])

    job.refresh_from_db()
    assert result.successful()  # recorded on the job; nothing for Celery to retry
    assert renderer.calls == [job.pk]
    assert job.state == State.FAILED
    assert "KeyError" in job.error


def test_running_out_of_time_fails_the_job_with_a_clear_reason(job, renderer):
    from celery.exceptions import SoftTimeLimitExceeded

    renderer.errors.append(SoftTimeLimitExceeded())

    build_report.apply(args=[job.pk])

    job.refresh_from_db()
    assert renderer.calls == [job.pk]
    assert job.state == State.FAILED
    assert "longer than 10 minutes" in job.error
