"""The floors pages are compared with: the cheapest view and the cheapest PDF. Both sit behind
the whole middleware stack and require a logged-in user, like the pages."""

from django.http import HttpResponse
from weasyprint import HTML

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
