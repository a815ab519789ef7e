"""The report's document: a job in, PDF bytes and a page count out.

The chapters come from the registry (reports/sections/): each reads what it shows from one
`Report`, which holds only what the requester may read within the report's scope, and renders
its own template, piece by piece. Fixed texts follow the job's language; what people wrote
stays as written. The document has a print stylesheet of its own (static/css/report.css),
parsed once per process like the sheets' (sdgp/pdf.py), and the same URL fetcher: only our
static and media files.

The body is laid out in parts of about `PART_SIZE` characters of HTML, each written to PDF
before the next (reports/binding.py): memory holds one part's layout, not the report's, and a
page costs about as much in a report of 3,000 pages as in one of 90. A part starts a new page;
it continues the page numbers and the running header of the part before. The cover and the
table of contents come last, once every page is known, and are bound in front.
"""

import gc
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import HTML

from partnerships.access import read_once
from sdgp.pdf import BASE_URL, REPORT_STYLESHEETS, LocalFilesFetcher, fonts, print_stylesheets

from .binding import Book
from .report import Report

# How far the progress gets with the chapters read and the body laid out; binding takes the rest.
READ, LAID_OUT = 40, 95
# Characters of HTML laid out at once: thirty to fifty pages. The pilot's report (300,000) is
# three parts; the programme 25 times larger about a hundred, each in about the pilot's memory.
PART_SIZE = 100_000


@dataclass
class RenderedReport:
    pdf: bytes
    pages: int


def render_report(job, *, progress=lambda percent, step: None):
    """Build the report of `job` with what its requester may read; `progress(percent, step)` is
    told how far it got, `step` a short text in the job's language."""
    settle_memory()
    with translation.override(job.language), read_once(), fonts() as font_config:
        report = read_report(job, progress)
        layout = Layout(job, report, font_config)
        book = Book()
        report.pages = book.pages
        lay_out_body(report, layout, book, progress)
        front = layout.render([piece_html(report, piece) for piece in report.pieces(front=True)])
        progress(LAID_OUT, _("Writing the PDF"))
        pdf = book.bind(front, title=str(job.subject), language=job.language)
    progress(100, _("Done"))
    return RenderedReport(pdf=pdf, pages=len(front.pages) + book.page_count)


def settle_memory():
    """Leave what the process holds now out of the garbage collector's full passes. Laying out
    a report keeps a quarter of a million objects alive (the pilot's), and the collector's full
    passes, four to six per report, each walked them and everything the process already held:
    the app, its templates, fonts and caches. Frozen, those are skipped; the report's own
    objects are still collected, so the process does not grow from one report to the next.
    Collected first, so that no garbage is frozen with them."""
    gc.collect()
    gc.freeze()


def read_report(job, progress):
    """The report of `job` with its chapters read, in the active language; a chapter with
    nothing to show is left out."""
    report = Report(job)
    for section in report.sections():
        progress(round(READ * len(report.chapters) / report.section_count), str(section.title))
        chapter = report.read(section)
        if chapter is not None:
            report.chapters.append(chapter)
    return report


def lay_out_body(report, layout, book, progress):
    """Lay out the chapters' pieces in parts of about PART_SIZE characters into `book`."""
    pieces = report.pieces(front=False)
    part, size = [], 0
    for done, piece in enumerate(pieces, start=1):
        html = piece_html(report, piece)
        part.append(html)
        size += len(html)
        if size >= PART_SIZE or done == len(pieces):
            book.add(layout.render(part, first_page=book.page_count + 1))
            part, size = [], 0
            progress(READ + (LAID_OUT - READ) * done // len(pieces), _("Laying out the pages"))


def piece_html(report, piece):
    chapter = piece.chapter
    return render_to_string(
        chapter.section.template,
        {
            "report": report,
            "job": report.job,
            "chapter": chapter,
            "piece": piece,
            "pdf": True,
            **chapter.context,
        },
    )


def document_html(job):
    """The report as HTML, front matter first, without its layout: what its PDF shows."""
    with translation.override(job.language), read_once():
        report = read_report(job, lambda percent, step: None)
        pieces = report.pieces(front=True) + report.pieces(front=False)
        bodies = [piece_html(report, piece) for piece in pieces]
    return render_to_string(
        "reports/document.html", {"job": job, "report": report, "bodies": bodies, "first_page": 1}
    )


class Layout:
    """Lays out the report's parts with the same stylesheets, fonts and fetcher."""

    def __init__(self, job, report, font_config):
        self.job = job
        self.report = report
        self.font_config = font_config
        self.stylesheets = print_stylesheets(REPORT_STYLESHEETS)

    def render(self, bodies, *, first_page=1):
        """A laid-out document of the pieces' HTML `bodies`, its pages numbered from
        `first_page`: a part of the body, or the front matter."""
        html = render_to_string(
            "reports/document.html",
            {
                "job": self.job,
                "report": self.report,
                "title": str(self.job.subject),
                "bodies": bodies,
                "first_page": first_page,
            },
        )
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher())
        return document.render(stylesheets=self.stylesheets, font_config=self.font_config)
