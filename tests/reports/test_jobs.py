"""The report job: started once, claimed by one attempt, built with its progress, failed with a
reason, ended when stale, and the requester told by mail."""

import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone

from reports import jobs
from reports.models import ReportJob
from tests.commits import without_freshness
from tests.reports.conftest import PDF

pytestmark = pytest.mark.django_db

State = ReportJob.State


def test_starting_a_report_queues_its_task_once_the_transaction_commits(
    consultant, partnership, renderer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        job = jobs.start_report(
            user=consultant, programme=partnership.programme, partnership=partnership, language="fr"
        )
        assert job.state == State.QUEUED
        assert renderer.calls == []
    tasks = without_freshness(callbacks)
    assert len(tasks) == 1

    tasks[0]()  # the task, inline as without a broker

    job.refresh_from_db()
    assert renderer.calls == [job.pk]
    assert job.state == State.DONE


def test_the_same_report_asked_for_twice_while_waiting_is_one_job(consultant, partnership):
    start = {
        "user": consultant,
        "programme": partnership.programme,
        "partnership": partnership,
        "language": "en",
    }
    first = jobs.start_report(**start)
    assert jobs.start_report(**start) == first
    assert jobs.start_report(**start, with_images=False) != first
    assert ReportJob.objects.count() == 2


def test_a_job_is_built_with_its_times_progress_file_and_pages(job, renderer):
    jobs.run_job(job.pk)

    job.refresh_from_db()
    assert job.state == State.DONE
    assert job.progress == 100
    assert job.step == ""
    assert job.pages == 3
    assert job.attempts == 1
    assert job.started_at <= job.finished_at
    assert job.error == ""
    assert job.file.name.startswith(f"reports/{job.programme_id}/{job.pk}/report-laarne-ouinhi-en-")
    with job.file.open("rb") as handle:
        assert handle.read() == PDF


def test_a_job_run_twice_is_built_once(job, renderer):
    jobs.run_job(job.pk)
    built = ReportJob.objects.get(pk=job.pk)

    assert jobs.run_job(job.pk) is None

    job.refresh_from_db()
    assert renderer.calls == [job.pk]
    assert (job.state, job.attempts, job.file.name) == (State.DONE, 1, built.file.name)


def test_a_job_claimed_by_another_attempt_is_not_built_again(job, renderer):
    ReportJob.objects.filter(pk=job.pk).update(state=State.RUNNING, started_at=timezone.now())

    assert jobs.run_job(job.pk) is None

    assert renderer.calls == []
    assert ReportJob.objects.get(pk=job.pk).state == State.RUNNING


def test_a_failed_job_is_not_built_again_and_a_missing_one_is_ignored(job, renderer):
    ReportJob.objects.filter(pk=job.pk).update(state=State.FAILED)
    assert jobs.run_job(job.pk) is None
    assert jobs.run_job(job.pk + 1000) is None
    assert renderer.calls == []


def test_a_rendering_error_fails_the_job_with_its_reason(job, renderer):
    renderer.errors.append(ValueError("no such chapter"))

    jobs.run_job(job.pk, final=False)

    job.refresh_from_db()
    assert job.state == State.FAILED
    assert "no such chapter" in job.error
    assert job.finished_at is not None
    assert not job.file


def test_a_passing_fault_gives_the_job_back_to_the_queue_for_the_next_attempt(job, renderer):
    renderer.errors.append(OperationalError("the database went away"))

    with pytest.raises(OperationalError):
        jobs.run_job(job.pk, final=False)

    job.refresh_from_db()
    assert (job.state, job.attempts) == (State.QUEUED, 1)
    jobs.run_job(job.pk)
    job.refresh_from_db()
    assert (job.state, job.attempts) == (State.DONE, 2)


def test_a_passing_fault_on_the_last_attempt_fails_the_job(job, renderer):
    renderer.errors.append(OSError("disk full"))

    jobs.run_job(job.pk, final=True)

    job.refresh_from_db()
    assert job.state == State.FAILED
    assert "OSError" in job.error


def test_progress_is_written_at_most_once_a_second_and_never_backwards(job):
    ReportJob.objects.filter(pk=job.pk).update(state=State.RUNNING)
    now = [100.0]
    progress = jobs.ProgressWriter(job, clock=lambda: now[0])

    def stored():
        return ReportJob.objects.values_list("progress", "step").get(pk=job.pk)

    progress(10, "Cover")
    assert stored() == (10, "Cover")
    now[0] += 0.5
    progress(40, "Chapter 1")
    assert stored() == (10, "Cover")  # too soon
    now[0] += 0.6
    progress(30, "Chapter 2")
    assert stored() == (40, "Chapter 2")  # never backwards
    progress(100, "Done")
    assert stored() == (100, "Done")  # the end is always written


def test_the_requester_is_mailed_the_link_when_the_report_is_ready(
    job, renderer, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://sdg.example.org/"
    with django_capture_on_commit_callbacks(execute=True):
        jobs.run_job(job.pk)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [job.requested_by.email]
    assert message.subject == "SDG Partnerships: Your report is ready: Laarne – Ouinhi, 3 pages"
    assert f"https://sdg.example.org/reports/{job.pk}/" in message.body
    # And on the requester's home until opened.
    assert job.requested_by.notifications.get().url == job.get_absolute_url()


def test_the_requester_is_mailed_in_their_language(
    job, renderer, mailoutbox, django_capture_on_commit_callbacks
):
    job.requested_by.language = "fr"
    job.requested_by.save()

    with django_capture_on_commit_callbacks(execute=True):
        jobs.run_job(job.pk)

    (message,) = mailoutbox
    assert message.subject == "Partenariats ODD : Votre rapport est prêt : Laarne – Ouinhi, 3 pages"
    assert message.body.startswith("Bonjour ")


def test_the_requester_is_mailed_when_the_report_fails(
    job, renderer, mailoutbox, django_capture_on_commit_callbacks
):
    renderer.errors.append(ValueError("broken chart"))
    with django_capture_on_commit_callbacks(execute=True):
        jobs.run_job(job.pk)

    assert (
        mailoutbox[0].subject == "SDG Partnerships: Your report could not be built: Laarne – Ouinhi"
    )
    # The mail links to the job's page, which says why.
    assert job.get_absolute_url() in mailoutbox[0].body
    job.refresh_from_db()
    assert "broken chart" in job.error


# Stale jobs


def age(job, **fields):
    ReportJob.objects.filter(pk=job.pk).update(**fields)


def test_a_job_being_built_past_the_hard_time_limit_is_failed_with_the_reason(job, settings):
    settings.REPORT_TIME_LIMIT = 660
    long_ago = timezone.now() - datetime.timedelta(seconds=660 + jobs.STALE_MARGIN + 1)
    age(job, state=State.RUNNING, started_at=long_ago)

    assert jobs.fail_stale_jobs() == 1

    job.refresh_from_db()
    assert job.state == State.FAILED
    assert "after 11 minutes" in job.error
    assert job.finished_at is not None


def test_a_job_waiting_far_too_long_for_a_worker_is_failed(job, settings, renderer):
    settings.REPORT_QUEUED_TIMEOUT = 3 * 3600
    age(job, created_at=timezone.now() - datetime.timedelta(hours=3, seconds=1))

    assert jobs.fail_stale_jobs() == 1

    job.refresh_from_db()
    assert job.state == State.FAILED
    assert "more than 3 hours" in job.error
    # The message still in the queue no longer builds it.
    assert jobs.run_job(job.pk) is None
    assert renderer.calls == []


def test_recent_and_finished_jobs_are_left_alone(job, consultant, partnership):
    age(job, state=State.RUNNING, started_at=timezone.now() - datetime.timedelta(minutes=5))
    long_ago = timezone.now() - datetime.timedelta(days=2)
    done = ReportJob.objects.create(
        requested_by=consultant, programme=partnership.programme, language="en"
    )
    age(done, state=State.DONE, created_at=long_ago, started_at=long_ago)

    assert jobs.fail_stale_jobs() == 0
    assert ReportJob.objects.get(pk=job.pk).state == State.RUNNING
    assert ReportJob.objects.get(pk=done.pk).state == State.DONE


def test_a_job_failed_as_stale_while_it_finished_keeps_no_file(job, renderer, monkeypatch):
    def render_then_go_stale(job, *, progress):
        ReportJob.objects.filter(pk=job.pk).update(state=State.FAILED, error="stale")
        return renderer(job, progress=progress)

    monkeypatch.setattr("reports.jobs.render_report", render_then_go_stale)

    assert jobs.run_job(job.pk) is None

    job.refresh_from_db()
    assert (job.state, job.error, job.file.name) == (State.FAILED, "stale", "")


def test_a_job_the_broker_cannot_take_fails_at_once(
    consultant, partnership, monkeypatch, django_capture_on_commit_callbacks
):
    import kombu.exceptions

    from reports.tasks import build_report

    def broker_down(*args, **kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to redis:6379")

    monkeypatch.setattr(build_report, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start_report(user=consultant, programme=partnership.programme, language="en")

    job.refresh_from_db()
    assert job.state == State.FAILED
    assert "could not be started" in job.error
