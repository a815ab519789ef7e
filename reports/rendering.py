"""The report's document: a job in, PDF bytes and a page count out.

(A first version: the cover only. The sections follow.)"""

from dataclasses import dataclass

from django.utils import timezone
from weasyprint import HTML

from sdgp.pdf import BASE_URL, LocalFilesFetcher, fonts, print_stylesheets


@dataclass
class RenderedReport:
    pdf: bytes
    pages: int


def render_report(job, *, progress=lambda percent, step: None):
    """Build the report of `job` with what its requester may read; `progress(percent, step)` is
    told how far it got."""
    from django.template.loader import render_to_string
    from django.utils import translation

    progress(10, "cover")
    with translation.override(job.language):
        html = render_to_string(
            "reports/document.html", {"job": job, "pdf": True, "today": timezone.localdate()}
        )
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher())
    with fonts() as font_config:
        rendered = document.render(stylesheets=print_stylesheets(), font_config=font_config)
        pdf = rendered.write_pdf()
    progress(100, "done")
    return RenderedReport(pdf=pdf, pages=len(rendered.pages))
