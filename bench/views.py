"""The floors pages are compared with: the cheapest view and the cheapest PDF; and the final
report rendered in a request, to be measured like the tools' PDFs. All sit behind the whole
middleware stack and require a logged-in user, like the pages."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from weasyprint import HTML

from partnerships.models import Programme
from reports.models import ReportJob
from reports.rendering import render_report
from sdgp.pdf import BASE_URL, LocalFilesFetcher, fonts

PARAGRAPH = (
    "Plain text with no layout to speak of: the floor a PDF of the same number of pages "
    "costs WeasyPrint in this process. "
) * 8


def trivial(request):
    """A Django view that does nothing: what the framework, the middleware and the session
    cost by themselves."""
    return HttpResponse("ok", content_type="text/plain")


def pdf_floor(request, pages):
    """A plain-text PDF of `pages` A4 pages, rendered like the app's PDFs."""
    pages = max(1, min(pages, 500))
    body = "".join(
        f'<section style="break-after: page"><h1>Page {number}</h1><p>{PARAGRAPH}</p></section>'
        for number in range(1, pages + 1)
    )
    html = f"<!doctype html><html><head><style>@page {{ size: A4 }}</style></head><body>{body}"
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher())
    with fonts() as font_config:  # the app's warm fonts, as its PDFs get them
        return HttpResponse(
            document.write_pdf(font_config=font_config), content_type="application/pdf"
        )


def report(request, pk):
    """The programme's final report with every appendix, rendered in the request as the report
    job renders it in the worker: its seconds per page are compared with the floor's."""
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    job = ReportJob(requested_by=request.user, programme=programme, language="en")
    return HttpResponse(render_report(job).pdf, content_type="application/pdf")
