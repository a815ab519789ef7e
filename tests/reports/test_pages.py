"""The report's pages: started from the programme, partnership and municipality pages by those
who may, followed without reloading, downloaded by the requester only."""

import pytest
from django.conf import settings
from django.urls import reverse

from reports.models import ReportJob, ReportNarrative
from tests.reports.conftest import PDF

pytestmark = pytest.mark.django_db

State = ReportJob.State


def start_url(scope, subject):
    return reverse(f"reports:job_create_{scope}", args=[subject.pk])


# Who starts which report: (scope, subject fixture, role, expected status of the form).
STARTS = [
    ("programme", "programme", "staff", 200),
    ("programme", "programme", "consultant", 200),
    ("programme", "programme", "focal_point", 403),
    ("programme", "programme", "observer", 403),
    ("partnership", "partnership", "staff", 200),
    ("partnership", "partnership", "consultant", 200),
    ("partnership", "partnership", "focal_point", 200),
    ("partnership", "partnership", "team_member", 200),
    ("partnership", "partnership", "partner_focal_point", 200),
    ("partnership", "partnership", "observer", 403),
    ("partnership", "partnership", "stranger", 404),
    ("partnership", "partnership", "other_consultant", 404),
    ("local_government", "laarne", "staff", 200),
    ("local_government", "laarne", "consultant", 200),
    ("local_government", "laarne", "focal_point", 200),
    ("local_government", "laarne", "partner_focal_point", 200),
    ("local_government", "ouinhi", "observer", 403),
    ("local_government", "laarne", "stranger", 404),
]


@pytest.mark.parametrize(("scope", "subject", "role", "status"), STARTS)
def test_who_may_start_which_report(client, request, renderer, scope, subject, role, status):
    partnership = request.getfixturevalue("partnership")
    user = request.getfixturevalue(role)
    subject = request.getfixturevalue(subject)
    client.force_login(user)
    url = start_url(scope, subject)

    assert client.get(url).status_code == status
    data = {"language": "fr", "with_appendices": "on"}
    if scope == "local_government":
        data["programme"] = partnership.programme_id
    response = client.post(url, data)

    if status == 200:
        job = ReportJob.objects.get()
        assert response.status_code == 302
        assert response.url == job.get_absolute_url()
        assert job.requested_by == user
        assert job.subject == subject
        assert (job.language, job.with_appendices, job.with_images) == ("fr", True, False)
    else:
        assert response.status_code == status
        assert not ReportJob.objects.exists()


def test_the_form_speaks_the_users_language_by_default(client, partner_focal_point, partnership):
    client.force_login(partner_focal_point)
    form = client.get(start_url("partnership", partnership)).context["form"]
    assert form["language"].value() == "fr"
    assert "programme" not in form.fields
    # Switched to Dutch for this session: the report is offered in the language read.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    form = client.get(start_url("partnership", partnership)).context["form"]
    assert form["language"].value() == "nl"


def test_a_municipality_in_two_programmes_asks_which_one(client, focal_point, laarne, programme):
    from tests.factories import PartnershipFactory, ProgrammeFactory, SouthLocalGovernmentFactory

    other = ProgrammeFactory(name="SDG Partnerships 2026-2027")
    PartnershipFactory(programme=other, north=laarne, south=SouthLocalGovernmentFactory())
    client.force_login(focal_point)
    url = start_url("local_government", laarne)

    choices = client.get(url).context["form"].fields["programme"].queryset
    assert set(choices) == {programme, other}
    client.post(url, {"programme": other.pk, "language": "nl"})

    job = ReportJob.objects.get()
    assert (job.programme, job.local_government, job.partnership) == (other, laarne, None)


def test_a_programme_outside_the_choices_is_refused(client, consultant, laarne):
    from tests.factories import ProgrammeFactory

    client.force_login(consultant)
    response = client.post(
        start_url("local_government", laarne),
        {"programme": ProgrammeFactory().pk, "language": "en"},
    )
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors


def test_a_report_started_from_a_page_is_built_inline_without_a_broker(
    client, staff, programme, django_capture_on_commit_callbacks
):
    """No broker (`make run`): the task runs inline once the request's transaction commits,
    with the real renderer, and the page then offers the file."""
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start_url("programme", programme), {"language": "en"})

    job = ReportJob.objects.get()
    assert job.state == State.DONE, job.error
    page = client.get(response.url).content.decode()
    assert reverse("reports:job_download", args=[job.pk]) in page
    download = client.get(reverse("reports:job_download", args=[job.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")


# The job's page and its progress


def test_the_progress_part_keeps_polling_while_the_report_is_built(client, job):
    ReportJob.objects.filter(pk=job.pk).update(
        state=State.RUNNING, progress=40, step="Chapter 2: the partnerships"
    )
    client.force_login(job.requested_by)

    page = client.get(job.get_absolute_url()).content.decode()
    part = client.get(
        reverse("reports:job_progress", args=[job.pk]), headers={"HX-Request": "true"}
    ).content.decode()

    progress_url = reverse("reports:job_progress", args=[job.pk])
    for html in (page, part):
        assert f'hx-get="{progress_url}"' in html
        assert 'hx-trigger="every 2s"' in html
        assert 'value="40"' in html
        assert "Chapter 2: the partnerships" in html
    assert "<html" not in part and "<html" in page


def test_the_progress_part_stops_polling_once_the_report_is_done(client, job, renderer):
    from reports.jobs import run_job

    run_job(job.pk)
    client.force_login(job.requested_by)

    part = client.get(
        reverse("reports:job_progress", args=[job.pk]), headers={"HX-Request": "true"}
    ).content.decode()

    assert "hx-trigger" not in part and "hx-get" not in part
    assert reverse("reports:job_download", args=[job.pk]) in part
    assert "3 pages" in part


def test_a_failed_report_shows_its_error_and_offers_to_start_again(client, job, renderer):
    from reports.jobs import run_job

    renderer.errors.append(ValueError("the chart of tool 3 has no data"))
    run_job(job.pk)
    client.force_login(job.requested_by)

    part = client.get(
        reverse("reports:job_progress", args=[job.pk]), headers={"HX-Request": "true"}
    ).content.decode()

    assert "hx-trigger" not in part
    assert "the chart of tool 3 has no data" in part
    assert start_url("partnership", job.partnership) in part


def test_opening_the_page_ends_a_stale_job(client, job):
    import datetime

    from django.utils import timezone

    long_ago = timezone.now() - datetime.timedelta(hours=1)
    ReportJob.objects.filter(pk=job.pk).update(state=State.RUNNING, started_at=long_ago)
    client.force_login(job.requested_by)

    part = client.get(
        reverse("reports:job_progress", args=[job.pk]), headers={"HX-Request": "true"}
    ).content.decode()

    assert "hx-trigger" not in part
    assert "Start it again" in part


def test_the_job_page_lists_the_requesters_earlier_reports_only(
    client, job, consultant, staff, programme
):
    earlier = ReportJob.objects.create(requested_by=consultant, programme=programme, language="nl")
    someone_elses = ReportJob.objects.create(requested_by=staff, programme=programme, language="fr")
    client.force_login(consultant)

    page = client.get(job.get_absolute_url()).content.decode()
    listing = client.get(reverse("reports:job_list")).content.decode()

    assert earlier.get_absolute_url() in page
    assert someone_elses.get_absolute_url() not in page
    assert job.get_absolute_url() in listing
    assert earlier.get_absolute_url() in listing
    assert someone_elses.get_absolute_url() not in listing


# The file


@pytest.fixture
def done(job, renderer):
    from reports.jobs import run_job

    return run_job(job.pk)


def test_the_requester_downloads_the_report_as_an_attachment(client, done):
    client.force_login(done.requested_by)

    response = client.get(reverse("reports:job_download", args=[done.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="report-laarne-')
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("role", ["staff", "focal_point", "other_consultant", "observer"])
def test_nobody_else_opens_or_downloads_the_report(client, request, done, role):
    client.force_login(request.getfixturevalue(role))
    for name in ("job_detail", "job_progress", "job_download"):
        assert client.get(reverse(f"reports:{name}", args=[done.pk])).status_code == 404


def test_the_report_is_never_served_from_media(client, done):
    from django.core.files.base import ContentFile

    client.force_login(done.requested_by)
    assert client.get(f"/media/{done.file.name}").status_code == 404
    # Not even under a name of the shape /media/ serves.
    name = done.file.storage.save("reports/laarne/report.pdf", ContentFile(PDF))
    ReportJob.objects.filter(pk=done.pk).update(file=name)
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(reverse("reports:job_download", args=[done.pk])).status_code == 200


def test_an_unfinished_report_has_nothing_to_download(client, job):
    client.force_login(job.requested_by)
    assert client.get(reverse("reports:job_download", args=[job.pk])).status_code == 404


# The buttons on the pages that start a report


def test_the_partnership_page_offers_its_report_and_the_programmes_to_consultants(
    client, consultant, partnership
):
    client.force_login(consultant)
    page = client.get(partnership.get_absolute_url()).content.decode()
    assert start_url("partnership", partnership) in page
    assert start_url("programme", partnership.programme) in page


def test_the_partnership_page_offers_focal_points_their_partnerships_report_only(
    client, focal_point, partnership
):
    client.force_login(focal_point)
    page = client.get(partnership.get_absolute_url()).content.decode()
    assert start_url("partnership", partnership) in page
    assert start_url("programme", partnership.programme) not in page


def test_observers_see_no_report_button(client, observer, partnership, ouinhi):
    client.force_login(observer)
    for url in (partnership.get_absolute_url(), ouinhi.get_absolute_url()):
        assert "Final report" not in client.get(url).content.decode()


def test_the_municipality_page_offers_its_report(client, focal_point, laarne):
    client.force_login(focal_point)
    page = client.get(laarne.get_absolute_url()).content.decode()
    assert start_url("local_government", laarne) in page


def test_the_programme_overview_offers_the_programme_report_to_staff(client, staff, programme):
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert start_url("programme", programme) in page


def test_staff_write_the_chapters_of_their_programme_s_report(client, staff, programme):
    client.force_login(staff)
    start = client.get(reverse("reports:job_create_programme", args=[programme.pk]))
    url = reverse("reports:narrative_update", args=[programme.pk])
    assert url in start.text
    response = client.post(
        url,
        {"results_method": "Reciprocal learning works.", "conclusions": "A success overall."},
    )
    assert response.status_code == 302
    narrative = ReportNarrative.objects.get(programme=programme)
    assert (narrative.results_method, narrative.conclusions, narrative.updated_by) == (
        "Reciprocal learning works.",
        "A success overall.",
        staff,
    )
    assert "Reciprocal learning works." in client.get(url).text
