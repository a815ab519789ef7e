"""On a phone, programme staff start the programme's final report in French from their home,
follow it on its page and download the PDF; its requester is told on their home too."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from reports.models import ReportJob
from tests.e2e.conftest import PHONE
from tests.reports.documents import flat, pdf_text

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_start_follow_and_download_the_programme_report(
    phone, live_server, login, staff, programme, partnership
):
    page = login(phone, staff)
    start = reverse("reports:job_create_programme", args=[programme.pk])
    page.locator(f'a[href="{start}"]').first.tap()
    page.locator("#id_language").select_option("fr")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").tap()

    job = ReportJob.objects.get()
    assert page.url.endswith(job.get_absolute_url())
    job.refresh_from_db()
    assert job.state == ReportJob.State.DONE, job.error  # built inline: no broker here
    download = page.locator(f'a[href="{reverse("reports:job_download", args=[job.pk])}"]')
    expect(download).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_download() as downloaded:
        download.tap()
    pdf = Path(downloaded.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    text = flat(pdf_text(pdf))
    assert "Table des matières" in text and "Contexte du programme" in text
    assert str(partnership) in text

    # The requester's home says the report is ready, until they open it.
    page.goto(live_server.url + reverse("home"))
    expect(page.locator("#needs")).to_contain_text(str(programme))
