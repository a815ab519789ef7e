"""Fixtures of the report tests: a job, and a renderer that counts its calls instead of drawing."""

import pytest

from reports.models import ReportJob
from reports.rendering import RenderedReport

PDF = b"%PDF-1.4\n% a report of three pages\n"


class FakeRenderer:
    """Stands in for `render_report`: records each call, reports progress, and raises the
    errors it is given, one per call, before it succeeds."""

    def __init__(self):
        self.calls = []
        self.errors = []

    def __call__(self, job, *, progress):
        self.calls.append(job.pk)
        progress(50, "Chapter 2")
        if self.errors:
            raise self.errors.pop(0)
        progress(100, "Done")
        return RenderedReport(pdf=PDF, pages=3)


@pytest.fixture
def renderer(monkeypatch):
    fake = FakeRenderer()
    monkeypatch.setattr("reports.jobs.render_report", fake)
    return fake


@pytest.fixture
def job(consultant, partnership):
    return ReportJob.objects.create(
        requested_by=consultant,
        programme=partnership.programme,
        partnership=partnership,
        language="en",
    )
