"""The floors pages are compared with: the cheapest view and the cheapest PDF. Both sit behind
the whole middleware stack and require a logged-in user, like the pages."""

from django.http import HttpResponse
from weasyprint import HTML

from sdgp.pdf import BASE_URL, LocalFilesFetcher, fonts

PARAGRAPH = (
    "Plain text with no layout to speak of: the floor a PDF of the same number of pages "
    "costs WeasyPrint in this process. "
) * 8
# A page of the floor is a page of text, as full as the app's PDFs fill theirs: four such
# paragraphs in the print stylesheet's font, size and margins fill nine tenths of an A4 page.
# (A floor of one paragraph a page, a quarter of a page, made a page of plain text itself
# cost 2.8 times the floor.)
PARAGRAPHS_PER_PAGE = 4
FLOOR_STYLE = (
    "@page { size: A4; margin: 20mm 18mm 22mm } "
    'html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4 } '
    "section { break-after: page }"
)


def trivial(request):
    """A Django view that does nothing: what the framework, the middleware and the session
    cost by themselves."""
    return HttpResponse("ok", content_type="text/plain")


def pdf_floor(request, pages):
    """A plain-text PDF of `pages` A4 pages full of text, rendered like the app's PDFs."""
    pages = max(1, min(pages, 500))
    page = f"<p>{PARAGRAPH}</p>" * PARAGRAPHS_PER_PAGE
    body = "".join(f"<section>{page}</section>" for _number in range(pages))
    html = f"<!doctype html><html><head><style>{FLOOR_STYLE}</style></head><body>{body}"
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher())
    with fonts() as font_config:  # the app's warm fonts, as its PDFs get them
        return HttpResponse(
            document.write_pdf(font_config=font_config), content_type="application/pdf"
        )
