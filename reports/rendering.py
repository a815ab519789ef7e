"""The report's document: a job in, PDF bytes and a page count out.

The chapters come from the registry (reports/sections/): each reads what it shows from one
`Report`, which holds only what the requester may read within the report's scope, and renders
its own template. Fixed texts follow the job's language; what people wrote stays as written.
The document has a print stylesheet of its own (static/css/report.css), parsed once per process
like the sheets' (sdgp/pdf.py), and the same URL fetcher: only our static and media files.
"""

import gc
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import HTML

from partnerships.access import read_once
from sdgp.pdf import BASE_URL, REPORT_STYLESHEETS, LocalFilesFetcher, fonts, print_stylesheets

from .report import Report

# How far the progress gets with the chapters read and written; the layout takes the rest.
READ, WRITTEN, LAID_OUT = 40, 60, 95


@dataclass
class RenderedReport:
    pdf: bytes
    pages: int


def render_report(job, *, progress=lambda percent, step: None):
    """Build the report of `job` with what its requester may read; `progress(percent, step)` is
    told how far it got, `step` a short text in the job's language."""
    settle_memory()
    with translation.override(job.language):
        html = document_html(job, progress=progress)
        progress(WRITTEN, _("Laying out the pages"))
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher())
        with fonts() as font_config:
            rendered = document.render(
                stylesheets=print_stylesheets(REPORT_STYLESHEETS), font_config=font_config
            )
            progress(LAID_OUT, _("Writing the PDF"))
            pdf = rendered.write_pdf()
        progress(100, _("Done"))
    return RenderedReport(pdf=pdf, pages=len(rendered.pages))


def settle_memory():
    """Leave what the process holds now out of the garbage collector's full passes. Laying out
    a report keeps a quarter of a million objects alive (the pilot's), and the collector's full
    passes, four to six per report, each walked them and everything the process already held:
    the app, its templates, fonts and caches. Frozen, those are skipped; the report's own
    objects are still collected, so the process does not grow from one report to the next.
    Collected first, so that no garbage is frozen with them."""
    gc.collect()
    gc.freeze()


def document_html(job, *, progress=lambda percent, step: None):
    """The report as HTML, in the active language: each chapter read, then written. The
    requester's access is read once for the whole report."""
    with read_once():
        return _document_html(job, progress)


def _document_html(job, progress):
    report = Report(job)
    chapters = []
    for section in report.sections():
        progress(round(READ * len(chapters) / report.section_count), str(section.title))
        chapter = report.read(section)
        if chapter is not None:
            chapters.append(chapter)
    report.chapters = chapters
    bodies = [
        render_to_string(
            chapter.section.template,
            {"report": report, "job": job, "chapter": chapter, "pdf": True, **chapter.context},
        )
        for chapter in chapters
    ]
    progress(READ + (WRITTEN - READ) // 2, _("Writing the chapters"))
    return render_to_string(
        "reports/document.html", {"job": job, "title": str(job.subject), "bodies": bodies}
    )
