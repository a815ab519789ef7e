"""The data's token (partnerships/freshness.py) changes with every write, whichever way it is
made, and with nothing else: what is kept under it (a home's needs, a partnership's panels) is
never older than the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from coaching.models import Meeting
from partnerships import freshness
from partnerships.models import LocalGovernment
from partnerships.tasks import send_mail
from reports.models import ReportJob
from tests.factories import LocalGovernmentFactory, PresentationSheetFactory

pytestmark = pytest.mark.django_db


def test_saving_deleting_or_relating_an_object_changes_the_token(laarne, ouinhi):
    tokens = [freshness.token()]
    LocalGovernmentFactory(name="Lokeren")
    tokens.append(freshness.token())
    sheet = PresentationSheetFactory(owners=[laarne])
    tokens.append(freshness.token())
    sheet.owners.add(ouinhi)
    tokens.append(freshness.token())
    LocalGovernment.objects.filter(name="Lokeren").delete()
    tokens.append(freshness.token())
    assert len(set(tokens)) == len(tokens)


def test_the_token_changes_again_once_the_transaction_commits(
    laarne, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        laarne.name = "Laarne (Oost-Vlaanderen)"
        laarne.save()
        during = freshness.token()
    # A reader who computed from the data before the commit kept it under `during`.
    assert freshness.token() != during


def test_reading_leaves_the_token_and_a_request_that_may_write_changes_it(client, focal_point):
    client.force_login(focal_point)
    before = freshness.token()
    assert client.get(reverse("home")).status_code == 200
    assert freshness.token() == before
    # Marking every notification read is an update: no signal, but a POST.
    client.post(reverse("partnerships:notifications_read"))
    assert freshness.token() != before


def test_a_task_changes_the_token(mailoutbox):
    before = freshness.token()
    send_mail.apply(kwargs={"to": "someone@example.org", "subject": "Hello", "body": "Hello."})
    assert len(mailoutbox) == 1
    assert freshness.token() != before


def test_a_report_job_s_progress_leaves_the_token(staff, programme):
    job = ReportJob.objects.create(requested_by=staff, programme=programme)
    before = freshness.token()
    job.progress = 50
    job.save(update_fields=["progress"])
    assert freshness.token() == before


def test_a_partnership_s_panels_are_kept_until_the_data_changes(
    client, focal_point, consultant, partnership, programme
):
    client.force_login(focal_point)

    def visit():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(partnership.get_absolute_url())
        assert response.status_code == 200
        return response.text, len(queries)

    page, first = visit()
    page, second = visit()
    assert second < first
    Meeting.objects.create(
        programme=programme,
        kind=Meeting.Kind.BILATERAL,
        partnership=partnership,
        title="Bilateral on tourism",
        starts_at=timezone.now(),
        organiser=consultant,
    )
    page, third = visit()
    assert "Bilateral on tourism" in page
    assert third == first


def test_what_is_kept_is_kept_per_language_time_zone_and_day():
    """Kept per sheet, a site-visit tool's partial is shared by readers in Flanders, Benin and
    Rwanda: what it names, shows and counts follows each reader's language, time zone and day."""
    reads = []

    def read():
        reads.append(1)
        return len(reads)

    with translation.override("en"), timezone.override("Europe/Brussels"):
        assert freshness.kept("test", [1], read) == 1
        assert freshness.kept("test", [1], read) == 1
        assert freshness.kept("test", [2], read) == 2
        with translation.override("fr"):
            assert freshness.kept("test", [1], read) == 3
        with timezone.override("Africa/Kigali"):
            assert freshness.kept("test", [1], read) == 4
        LocalGovernmentFactory(name="Lokeren")
        assert freshness.kept("test", [1], read) == 5
