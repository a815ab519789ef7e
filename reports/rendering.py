"""The report's document: a job in, PDF bytes and a page count out.

The chapters come from the registry (reports/sections/): each reads what it shows from one
`Report`, which holds only what the requester may read within the report's scope, and renders
its own template, piece by piece. Fixed texts follow the job's language; what people wrote
stays as written. The document has a print stylesheet of its own (static/css/report.css),
parsed once per process like the sheets' (sdgp/pdf.py), and the same URL fetcher: only our
static and media files.

The body is laid out in parts of about `PART_SIZE` characters of HTML, each written to PDF
as soon as it is laid out (reports/binding.py): memory holds a few parts' layout, not the
report's, and a page costs about as much in a report of 3,000 pages as in one of 90. Several
parts are laid out at once, each in a process of its own (reports/press.py), the first ones
while the later chapters are still being read. A part starts a new page; it continues the
running header of the part before, and the page numbers are drawn once every page is counted
(reports/folios.py). The cover and the table of contents come last, once every page is known,
and are bound in front.
"""

import gc
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from weasyprint import HTML

from partnerships.access import read_once
from sdgp.pdf import BASE_URL, REPORT_STYLESHEETS, LocalFilesFetcher, fonts, print_stylesheets

from .binding import Book, Part
from .press import Press
from .report import Report

# How far the progress gets with the body laid out, a share per chapter; binding takes the rest.
LAID_OUT = 95
# Characters of HTML laid out at once: about ten pages. The pilot's report (300,000) is eight
# parts, so that two processes share its pages evenly and a part that refers to the pages of
# an earlier one rarely waits for it; the programme 25 times larger about 300.
PART_SIZE = 30_000


@dataclass
class RenderedReport:
    pdf: bytes
    pages: int


def render_report(job, *, progress=lambda percent, step: None):
    """Build the report of `job` with what its requester may read; `progress(percent, step)` is
    told how far it got, `step` a short text in the job's language."""
    settle_memory()
    with translation.override(job.language), read_once():
        report = Report(job)
        book = Book()
        report.pages = book.pages
        lay_out_body(report, book, progress)
        front = [piece_html(report, piece) for piece in report.pieces(front=True)]
        with fonts() as font_config:
            front = lay_out(part_html(report, front), font_config)
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


def read_chapters(report, progress):
    """Read the chapters of `report` in order, each kept in `report.chapters` (a chapter with
    nothing to show is left out), and yield each with its share of the progress: `(chapter,
    start, end)` in percent. A chapter reads only what the chapters before it drew."""
    sections = report.sections()
    for index, section in enumerate(sections):
        start = LAID_OUT * index // len(sections)
        progress(start, str(section.title))
        chapter = report.read(section)
        if chapter is not None:
            report.chapters.append(chapter)
            yield chapter, start, LAID_OUT * (index + 1) // len(sections)


def lay_out_body(report, book, progress):
    """Read the chapters and lay out the body's pieces in parts of about PART_SIZE characters
    into `book`, in REPORT_LAYOUT_PROCESSES processes at once where it can
    (reports/press.py): while the press lays out the first parts, the later chapters are
    read."""
    processes = settings.REPORT_LAYOUT_PROCESSES
    with Press(book, print_part, processes=processes) as press:
        part, size = [], 0
        for chapter, start, end in read_chapters(report, progress):
            if chapter.section.front:
                continue
            pieces = list(chapter.pieces())
            for done, piece in enumerate(pieces, start=1):
                report.unplaced.clear()
                html = piece_html(report, piece)
                if report.unplaced and press.running:
                    # It refers to pages of parts still in the press: once they are laid out,
                    # it gets their numbers, and the part it is in knows where it starts.
                    press.settle()
                    html = piece_html(report, piece)
                part.append(html)
                size += len(html)
                if size >= PART_SIZE:
                    press.submit(part_html(report, part, first_page=press.first_page or 1))
                    part, size = [], 0
                progress(start + (end - start) * done // len(pieces), str(chapter.title))
        if part:
            press.submit(part_html(report, part, first_page=press.first_page or 1))
        press.settle()


def print_part(html):
    """A part of the body laid out and written: here, or in a process of the press's."""
    with fonts() as font_config:
        return Part.of(lay_out(html, font_config))


def lay_out(html, font_config):
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher())
    stylesheets = print_stylesheets(REPORT_STYLESHEETS)
    return document.render(stylesheets=stylesheets, font_config=font_config)


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
        report = Report(job)
        for _chapter in read_chapters(report, lambda percent, step: None):
            pass
        pieces = report.pieces(front=True) + report.pieces(front=False)
        return part_html(report, [piece_html(report, piece) for piece in pieces])


def part_html(report, bodies, *, first_page=1):
    """A document of the pieces' HTML `bodies`, its pages counted from `first_page`: a part of
    the body, the front matter, or the whole report."""
    return render_to_string(
        "reports/document.html",
        {
            "job": report.job,
            "report": report,
            "title": str(report.job.subject),
            "bodies": bodies,
            "first_page": first_page,
        },
    )
