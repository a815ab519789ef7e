"""Reading a report back: its text as poppler's `pdftotext` reads it, and its pages."""

import subprocess
from io import BytesIO

from pypdf import PdfReader

from reports.models import ReportJob
from reports.rendering import render_report


def pdf_text(pdf, *, layout=False):
    """The PDF's text, its pages separated by form feeds ("\\f")."""
    command = ["pdftotext", *(["-layout"] if layout else []), "-", "-"]
    return subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode()


def printed_pages(pdf):
    """Each page's number as the PDF's page labels give it, which are those printed."""
    return PdfReader(BytesIO(pdf)).page_labels


def flat(text):
    """The text with every run of white space as one space: a phrase wrapped over two lines
    or two table cells reads as one."""
    return " ".join(text.split())


def job_for(user, programme, **kwargs):
    """An unsaved job: the renderer needs nothing else."""
    return ReportJob(requested_by=user, programme=programme, **{"language": "en", **kwargs})


def report_text(user, programme, **kwargs):
    return flat(pdf_text(render_report(job_for(user, programme, **kwargs)).pdf))
