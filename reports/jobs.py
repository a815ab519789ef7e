"""The final report as a background job: started from a page, built by a worker, followed on
the job's page and downloaded when it is ready.

`start_report` creates the job and queues `reports.tasks.build_report` once the transaction
commits; `run_job` builds it. Running a job twice is harmless: a worker claims the job with a
conditional UPDATE (queued -> being built), so a job that is done, failed or claimed by another
attempt is not built again. A passing fault (the database, the broker or the disk going away)
gives the job back to the queue for the task to retry; any other error is the report's own, and
fails the job with its reason. `fail_stale_jobs` marks as failed what no worker will finish.
"""

import datetime
import logging
import time

import kombu.exceptions
import redis.exceptions
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from partnerships.notifications import notify

from .models import ReportJob
from .rendering import render_report

logger = logging.getLogger(__name__)

# Faults that pass: the same job may well succeed a little later. Everything else raised while
# building a report is the report's own error, and trying again would only fail again.
PASSING_FAULTS = (
    OperationalError,
    InterfaceError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    kombu.exceptions.OperationalError,
    OSError,
)
# Progress is written at most once per this many seconds (and at the end).
PROGRESS_INTERVAL = 1.0
# A job still being built this long after the hard time limit has lost its worker.
STALE_MARGIN = 60

State = ReportJob.State


READY = gettext_noop("Your report is ready: %(subject)s, %(pages)s pages")
FAILED = gettext_noop("Your report could not be built: %(subject)s")


def start_report(
    *,
    user,
    programme,
    partnership=None,
    local_government=None,
    language,
    with_appendices=True,
    with_images=True,
):
    """Create the job and queue it once the transaction commits. The same report asked for
    again while it is waiting or being built (a double click) is that job, not a new one."""
    scope = {
        "requested_by": user,
        "programme": programme,
        "partnership": partnership,
        "local_government": local_government,
        "language": language,
        "with_appendices": with_appendices,
        "with_images": with_images,
    }
    unfinished = ReportJob.objects.filter(**scope, state__in=(State.QUEUED, State.RUNNING))
    if job := unfinished.order_by("-created_at", "-pk").first():
        return job
    job = ReportJob(**scope)
    job.full_clean()
    job.save()
    transaction.on_commit(lambda: _queue(job), robust=True)
    return job


def _queue(job):
    """Hand the job to a worker; if the broker cannot take it (or, without a broker, the job
    ran inline and met a passing fault), the job fails at once rather than wait for nobody."""
    from .tasks import build_report

    try:
        build_report.delay(job.pk)
    except Exception as error:
        logger.exception("Report job %s could not be queued", job.pk)
        with translation.override(job.language):
            reason = _(
                "The report could not be started: the server is not available (%(error)s). "
                "Try again later."
            ) % {"error": error.__class__.__name__}
        ReportJob.objects.filter(pk=job.pk, state=State.QUEUED).update(
            state=State.FAILED, error=reason, finished_at=timezone.now()
        )


def run_job(job_id, *, final=True):
    """Build the report of job `job_id`, unless it is done, failed or being built already.

    `final` says whether this is the task's last attempt: a passing fault then fails the job
    instead of giving it back to the queue. Returns the job, or None if it was not run."""
    claimed = ReportJob.objects.filter(pk=job_id, state=State.QUEUED).update(
        state=State.RUNNING,
        started_at=timezone.now(),
        finished_at=None,
        attempts=F("attempts") + 1,
        progress=0,
        step="",
        error="",
    )
    if not claimed:
        state = ReportJob.objects.filter(pk=job_id).values_list("state", flat=True).first()
        logger.info("Report job %s not run: %s", job_id, state or "no such job")
        return None
    job = ReportJob.objects.select_related(
        "requested_by", "programme", "partnership__north", "partnership__south", "local_government"
    ).get(pk=job_id)
    try:
        with translation.override(job.language):
            rendered = render_report(job, progress=ProgressWriter(job))
            name = report_filename(job)
        job.file.save(name, ContentFile(rendered.pdf), save=False)
    except PASSING_FAULTS as error:
        if not final:
            logger.warning("Report job %s meets a passing fault, to retry: %r", job_id, error)
            _give_back(job)
            raise
        logger.exception("Report job %s failed on its last attempt", job_id)
        return _fail(job, _passing_fault_message(job, error))
    except SoftTimeLimitExceeded:
        logger.error("Report job %s ran out of time", job_id)
        with translation.override(job.language):
            reason = _(
                "The report took longer than %(minutes)s minutes to build. Try it without "
                "images or without the appendices."
            ) % {"minutes": round(settings.REPORT_SOFT_TIME_LIMIT / 60)}
        return _fail(job, reason)
    except Exception as error:
        logger.exception("Report job %s failed", job_id)
        return _fail(job, _rendering_error_message(job, error))
    return _finish(job, pages=rendered.pages)


class ProgressWriter:
    """The `progress(percent, step)` callable given to the renderer: it writes the job's
    progress and current step, at most once per PROGRESS_INTERVAL seconds (and the step when
    the percentage reaches 100), never backwards."""

    def __init__(self, job, clock=time.monotonic):
        self.job_id = job.pk
        self.clock = clock
        self.percent = 0
        self.written_at = None

    def __call__(self, percent, step=""):
        percent = max(self.percent, min(100, max(0, int(percent))))
        self.percent = percent
        now = self.clock()
        if (
            self.written_at is not None
            and now - self.written_at < PROGRESS_INTERVAL
            and percent < 100
        ):
            return
        self.written_at = now
        ReportJob.objects.filter(pk=self.job_id, state=State.RUNNING).update(
            progress=percent, step=str(step)[:200]
        )


def report_filename(job):
    """What the file is called when downloaded: the subject, the language and the day."""
    subject = slugify(str(job.subject))[:80] or job.scope
    return f"report-{subject}-{job.language}-{timezone.localdate():%Y-%m-%d}.pdf"


def _finish(job, *, pages):
    now = timezone.now()
    done = ReportJob.objects.filter(pk=job.pk, state=State.RUNNING).update(
        state=State.DONE,
        file=job.file.name,
        pages=pages,
        progress=100,
        step="",
        finished_at=now,
    )
    if not done:
        # Marked as failed meanwhile (fail_stale_jobs): its file is nobody's.
        logger.warning("Report job %s was no longer being built; its file is removed", job.pk)
        job.file.delete(save=False)
        return None
    job.refresh_from_db()
    _announce(job)
    return job


def _fail(job, reason):
    ReportJob.objects.filter(pk=job.pk, state=State.RUNNING).update(
        state=State.FAILED, error=reason, finished_at=timezone.now()
    )
    job.refresh_from_db()
    _announce(job)
    return job


def _give_back(job):
    """Back to the queue for the task's next attempt. If even that fails (the database is
    still away), the job stays "being built" until fail_stale_jobs ends it."""
    try:
        if not connection.in_atomic_block:
            # A connection the fault broke is opened again.
            connection.close_if_unusable_or_obsolete()
        ReportJob.objects.filter(pk=job.pk, state=State.RUNNING).update(state=State.QUEUED, step="")
    except PASSING_FAULTS:
        logger.exception("Report job %s could not be given back to the queue", job.pk)


def _rendering_error_message(job, error):
    with translation.override(job.language):
        return _("The report could not be built: %(error)s") % {
            "error": f"{error.__class__.__name__}: {error}"[:1000]
        }


def _passing_fault_message(job, error):
    with translation.override(job.language):
        return _(
            "The report could not be built: the server failed several times (%(error)s). "
            "Try again later."
        ) % {"error": error.__class__.__name__}


def _announce(job):
    """Tell the requester that their report is ready or has failed: on their home, and by mail
    as they chose (partnerships/notifications.py)."""
    if job.requested_by is None:
        return
    if job.state == State.DONE:
        verb, params = READY, {"subject": str(job.subject), "pages": job.pages}
    else:
        verb, params = FAILED, {"subject": str(job.subject)}
    notify([job.requested_by], verb=verb, params=params, url=job.get_absolute_url())


def fail_stale_jobs(now=None):
    """Mark as failed the jobs no worker will finish: being built for longer than the hard time
    limit allows (the worker stopped), or still waiting after REPORT_QUEUED_TIMEOUT (no worker
    takes the queue). Cheap when there are none: one query. Returns how many it failed."""
    now = now or timezone.now()
    running = now - datetime.timedelta(seconds=settings.REPORT_TIME_LIMIT + STALE_MARGIN)
    queued = now - datetime.timedelta(seconds=settings.REPORT_QUEUED_TIMEOUT)
    stale = Q(state=State.RUNNING, started_at__lt=running) | Q(
        state=State.QUEUED, created_at__lt=queued
    )
    found = list(ReportJob.objects.filter(stale).values_list("pk", "state", "language"))
    for pk, state, language in found:
        with translation.override(language):
            if state == State.RUNNING:
                reason = _(
                    "The report was still being built after %(minutes)s minutes: it took too "
                    "long or its worker stopped. Start it again."
                ) % {"minutes": round(settings.REPORT_TIME_LIMIT / 60)}
            else:
                reason = _(
                    "The report waited more than %(hours)s hours for the server to build it. "
                    "Start it again; if it waits again, tell the programme's administrators."
                ) % {"hours": round(settings.REPORT_QUEUED_TIMEOUT / 3600)}
        ReportJob.objects.filter(Q(pk=pk) & stale).update(
            state=State.FAILED, error=reason, finished_at=now
        )
    return len(found)
