"""A report holds only what its requester may read, within its scope; chapters come from the
registry, and those with nothing to show are left out; the PDF reads only our own files."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from learning.tools.presentation import PresentationImage
from learning.tools.registry import get_tool
from reports.models import ReportNarrative
from reports.rendering import document_html, render_report
from reports.sections import Section, base
from sdgp.pdf import BASE_URL, LocalFilesFetcher
from tests.factories import (
    LocalGovernmentFactory,
    PartnershipFactory,
    PresentationSheetFactory,
    ProgrammeFactory,
    SouthLocalGovernmentFactory,
    SwotFactory,
)

from .documents import job_for, report_text

pytestmark = pytest.mark.django_db


def shared(sheet, by):
    sheet.transition("share", by=by)
    return sheet


@pytest.fixture
def sheets(programme, laarne, ouinhi, other_partnership, focal_point, partner_focal_point):
    """A SWOT of each kind, each with a project name of its own."""
    stranger_side = other_partnership.north
    elsewhere = ProgrammeFactory(name="Another programme")
    PartnershipFactory(
        programme=elsewhere, north=laarne, south=SouthLocalGovernmentFactory(name="Lalo")
    )
    return {
        "laarne": shared(
            SwotFactory(owners=[laarne], project_name="Laarne's shared project"), focal_point
        ),
        "laarne draft": SwotFactory(owners=[laarne], project_name="Laarne's draft project"),
        "ouinhi": shared(
            SwotFactory(owners=[ouinhi], project_name="Ouinhi's shared project"),
            partner_focal_point,
        ),
        "ouinhi draft": SwotFactory(owners=[ouinhi], project_name="Ouinhi's draft project"),
        "schoten": SwotFactory(
            owners=[stranger_side], project_name="Schoten's project", status="shared"
        ),
        "elsewhere": SwotFactory(
            owners=[laarne], programme=elsewhere, project_name="Laarne's other programme"
        ),
    }


def test_a_programme_report_holds_only_what_its_requester_may_read(focal_point, programme, sheets):
    text = report_text(focal_point, programme)

    assert "Laarne's shared project" in text and "Laarne's draft project" in text
    assert "Ouinhi's shared project" in text
    assert "Ouinhi's draft project" not in text
    # Another partnership's work, and the partnership itself, stay out.
    assert "Schoten" not in text
    assert "Laarne's other programme" not in text


def test_a_municipalitys_report_leaves_out_another_programme_and_the_partners_drafts(
    partner_focal_point, programme, laarne, sheets
):
    text = report_text(partner_focal_point, programme, local_government=laarne)

    assert "Laarne's shared project" in text
    assert "Laarne's draft project" not in text
    assert "Laarne's other programme" not in text
    # The municipality's report follows it alone: the partner's own work is not in it.
    assert "Ouinhi's shared project" not in text
    assert "Laarne – Ouinhi" in text


def test_a_partnerships_report_holds_its_two_municipalities(staff, programme, partnership, sheets):
    text = report_text(staff, programme, partnership=partnership)

    assert "Laarne's draft project" in text and "Ouinhi's draft project" in text
    assert "Schoten" not in text


def test_a_requester_who_may_not_read_the_programme_gets_no_report(stranger, laarne):
    elsewhere = ProgrammeFactory(name="Another programme")
    PartnershipFactory(programme=elsewhere, north=laarne, south=SouthLocalGovernmentFactory())

    with pytest.raises(PermissionDenied):
        render_report(job_for(stranger, elsewhere))


def test_chapters_nobody_wrote_are_left_out(staff, programme):
    html = document_html(job_for(staff, programme))
    assert "Executive summary" not in html and "Conclusions" not in html

    ReportNarrative.objects.create(programme=programme, lessons_method="Start small.")
    html = document_html(job_for(staff, programme))

    assert "Executive summary" in html and "Lessons learned" in html and "Start small." in html
    assert "Recommendations" not in html and "Conclusions" not in html


def test_the_summary_and_conclusions_belong_to_the_programmes_report_only(staff, programme, laarne):
    ReportNarrative.objects.create(programme=programme, conclusions="It worked.")

    assert "It worked." in document_html(job_for(staff, programme))
    assert "It worked." not in document_html(job_for(staff, programme, local_government=laarne))


def test_a_new_chapter_is_one_registered_section(staff, programme, monkeypatch):
    class SiteVisits(Section):
        slug = "site-visits"
        title = "Site visits"
        order = 45
        template = "reports/sections/conclusions.html"

        def context(self, report):
            return {"conclusions": "Five days in Ouinhi."}

    monkeypatch.setitem(base._sections, "site-visits", SiteVisits())

    text = report_text(staff, programme)

    assert "Five days in Ouinhi." in text
    # Numbered after the chapters before it, in the table of contents and its heading.
    assert "2 Methodology and tools" in text
    assert "3 Site visits" in text and "3 SITE VISITS" in text


def test_the_report_without_images_leaves_the_pictures_out(staff, programme, laarne):
    sheet = PresentationSheetFactory(owners=[laarne])
    PresentationImage.objects.create(sheet=sheet, image="tools/images/castle.jpg", caption="x")

    with_images = document_html(job_for(staff, programme))
    without = document_html(job_for(staff, programme, with_images=False))

    assert "tools/images/castle.jpg" in with_images
    assert "tools/images/castle.jpg" not in without


def test_the_report_reads_nothing_outside_static_and_media(staff, programme, laarne, monkeypatch):
    """An image whose stored name climbs out of the media folder is refused, and the report is
    still made; everything read is ours (the stylesheets, parsed once, read no more)."""
    sheet = PresentationSheetFactory(owners=[laarne])
    PresentationImage.objects.create(sheet=sheet, image="../../../etc/hostname", caption="x")
    fetched, refused = [], []
    fetch = LocalFilesFetcher.fetch

    def recording(self, url, headers=None):
        fetched.append(url)
        try:
            return fetch(self, url, headers)
        except ValueError:
            refused.append(url)
            raise

    monkeypatch.setattr(LocalFilesFetcher, "fetch", recording)

    result = render_report(job_for(staff, programme))

    assert result.pdf.startswith(b"%PDF") and result.pages > 2
    assert refused == [f"{BASE_URL}etc/hostname"]
    assert all(
        url.startswith(("data:", f"{BASE_URL}static/", f"{BASE_URL}media/"))
        for url in fetched
        if url not in refused
    )


def test_fixed_texts_follow_the_language_and_what_people_wrote_stays_as_written(
    staff, programme, laarne, focal_point
):
    shared(SwotFactory(owners=[laarne], project_name="Marché de nuit"), focal_point)
    swot = get_tool("swot")
    with translation.override("nl"):
        dutch_title = str(swot.title)

    text = report_text(staff, programme, language="nl")

    assert dutch_title != str(swot.title) and dutch_title in text
    assert "Marché de nuit" in text


def test_a_municipality_in_no_partnership_is_in_no_report(staff, programme):
    LocalGovernmentFactory(name="Unrelated")  # in no partnership: in no report
    text = report_text(staff, programme)
    assert "Unrelated" not in text
