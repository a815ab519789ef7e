"""`manage.py render_report`: a report without a job or a worker, written to a file."""

import pytest
from django.core.management import CommandError, call_command

from reports.models import ReportJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def captured(monkeypatch):
    """The jobs the renderer is given, instead of drawing them."""
    from reports.rendering import RenderedReport

    jobs = []

    def render(job, *, progress):
        jobs.append(job)
        progress(100, "Done")
        return RenderedReport(pdf=b"%PDF-1.4\n", pages=2)

    monkeypatch.setattr("reports.management.commands.render_report.render_report", render)
    return jobs


def test_a_partnerships_report_is_written_to_the_file_asked_for(tmp_path, partnership, capsys):
    output = tmp_path / "laarne-ouinhi.pdf"

    call_command("render_report", "--partnership", partnership.pk, "--output", output)

    assert output.read_bytes().startswith(b"%PDF")
    assert str(output) in capsys.readouterr().out
    assert not ReportJob.objects.exists()


def test_by_default_it_reads_everything_as_a_superuser(tmp_path, partnership, captured):
    call_command(
        "render_report",
        "--programme",
        partnership.programme_id,
        "--language",
        "fr",
        "--no-images",
        "-o",
        tmp_path / "r.pdf",
    )

    job = captured[0]
    assert job.requested_by.is_superuser and job.requested_by.pk is None
    assert (job.programme, job.partnership, job.local_government) == (
        partnership.programme,
        None,
        None,
    )
    assert (job.language, job.with_appendices, job.with_images) == ("fr", True, False)


def test_a_municipalitys_report_with_one_persons_reading_rights(
    tmp_path, laarne, focal_point, captured
):
    call_command(
        "render_report",
        "--local-government",
        laarne.pk,
        "--user",
        focal_point.username,
        "--no-appendices",
        "-o",
        tmp_path / "r.pdf",
    )

    job = captured[0]
    assert job.requested_by == focal_point
    assert job.local_government == laarne
    assert not job.with_appendices


def test_a_municipality_in_two_programmes_needs_the_programme(tmp_path, laarne, partnership):
    from tests.factories import PartnershipFactory, ProgrammeFactory, SouthLocalGovernmentFactory

    PartnershipFactory(
        programme=ProgrammeFactory(), north=laarne, south=SouthLocalGovernmentFactory()
    )

    with pytest.raises(CommandError, match="several programmes"):
        call_command("render_report", "--local-government", laarne.pk, "-o", tmp_path / "r.pdf")


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["--partnership", "999"],
        ["--programme", "999"],
        ["--user", "nobody", "--programme", "1"],
    ],
)
def test_a_missing_scope_or_unknown_id_stops_with_a_message(tmp_path, arguments, programme):
    with pytest.raises(CommandError):
        call_command("render_report", *arguments, "-o", tmp_path / "r.pdf")
