"""The PDF renderer reads only our own static and media files."""

import re
import threading
from base64 import b64decode

import pytest
from django.urls import reverse
from django.utils import translation
from weasyprint import HTML
from weasyprint.formatting_structure.boxes import InlineBlockBox, TextBox

from sdgp import pdf
from sdgp.pdf import BASE_URL, LocalFilesFetcher, local_path, render_pdf
from tests.factories import ActivityProfileFactory, StrategyFactory, SwotFactory


@pytest.fixture
def media_file(settings):
    private = settings.MEDIA_ROOT / "private" / "learning" / "attachments"
    private.mkdir(parents=True, exist_ok=True)
    (private / "secret.pdf").write_bytes(b"%PDF secret")
    path = settings.MEDIA_ROOT / "logo.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')
    return path


def test_a_media_file_is_served_from_the_media_folder(media_file):
    response = LocalFilesFetcher().fetch(f"{BASE_URL}media/logo.svg")

    assert response.read().startswith(b"<svg")
    assert response.content_type == "image/svg+xml"


def test_a_static_file_is_found_by_the_static_finders():
    assert local_path(f"{BASE_URL}static/vendor/htmx/htmx.min.js").name == "htmx.min.js"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/static/css/app.css",
        "http://sdgp.internal/static/css/app.css",
        "file:///etc/passwd",
        f"{BASE_URL}media/../../../etc/passwd",
        f"{BASE_URL}static/../sdgp/settings.py",
        f"{BASE_URL}static/%2e%2e/sdgp/settings.py",
        f"{BASE_URL}etc/passwd",
        f"{BASE_URL}static/no-such-file.css",
        f"{BASE_URL}media/private/learning/attachments/secret.pdf",
        f"{BASE_URL}media//private/learning/attachments/secret.pdf",
        f"{BASE_URL}media/%2e/private/learning/attachments/secret.pdf",
        f"{BASE_URL}media/tools/../private/learning/attachments/secret.pdf",
    ],
)
def test_anything_else_is_refused(url, media_file):
    assert local_path(url) is None
    with pytest.raises(ValueError, match="Refused"):
        LocalFilesFetcher().fetch(url)


@pytest.mark.django_db
def test_the_pdfs_of_sheets_ask_for_the_print_stylesheets_only_and_once(
    client, focal_point, laarne, monkeypatch
):
    pdf._parsed.cache_clear()
    fetched = []
    fetch = LocalFilesFetcher.fetch
    monkeypatch.setattr(
        LocalFilesFetcher,
        "fetch",
        lambda self, url, headers=None: fetched.append(url) or fetch(self, url, headers),
    )
    sheet = SwotFactory(owners=[laarne])
    client.force_login(focal_point)

    url = reverse("learning:sheet_pdf", kwargs={"slug": "swot", "pk": sheet.pk})

    first, second = client.get(url), client.get(url)

    assert first.content.startswith(b"%PDF") and second.content.startswith(b"%PDF")
    assert fetched == [f"{BASE_URL}static/css/print.css", f"{BASE_URL}static/css/tools.css"]


def test_the_print_stylesheets_are_read_again_for_each_pdf_with_debug_on(settings):
    settings.DEBUG = True

    assert pdf.print_stylesheets()[0] is not pdf.print_stylesheets()[0]


@pytest.mark.django_db
def test_the_print_view_links_the_print_stylesheets_for_the_browser(client, focal_point, laarne):
    sheet = SwotFactory(owners=[laarne])
    client.force_login(focal_point)

    response = client.get(reverse("learning:sheet_print", kwargs={"slug": "swot", "pk": sheet.pk}))

    assert b"css/print.css" in response.content and b"css/tools.css" in response.content


def test_the_fetcher_builds_no_certificate_store():
    assert LocalFilesFetcher().fetch("data:text/plain,ok").read() == b"ok"
    assert pdf.NO_NETWORK.cert_store_stats()["x509"] == 0


def test_render_pdf_renders_in_the_language_asked_for(monkeypatch):
    seen = {}

    def fake_render(template_name, context):
        seen["language"] = translation.get_language()
        return "<p>ok</p>"

    monkeypatch.setattr("sdgp.pdf.render_to_string", fake_render)

    assert render_pdf("any.html", {}, language="nl").startswith(b"%PDF")
    assert seen["language"] == "nl"


def test_pdfs_one_after_the_other_share_fonts_even_from_other_threads(monkeypatch):
    used = record_font_configurations(monkeypatch)

    render_pdf("any.html", {}, language="en")
    other = threading.Thread(target=render_pdf, args=("any.html", {}), kwargs={"language": "en"})
    other.start()
    other.join()

    assert used[0] is used[1]


def test_pdfs_rendered_at_the_same_time_get_fonts_of_their_own():
    with pdf.fonts() as first, pdf.fonts() as second:
        assert first is not second
    with pdf.fonts() as again:
        assert again is first


def record_font_configurations(monkeypatch):
    used = []
    write_pdf = HTML.write_pdf
    monkeypatch.setattr(
        HTML,
        "write_pdf",
        lambda self, **kwargs: used.append(kwargs["font_config"]) or write_pdf(self, **kwargs),
    )
    monkeypatch.setattr("sdgp.pdf.render_to_string", lambda template_name, context: "<p>ok</p>")
    return used


def test_the_print_stylesheet_sets_list_markers_and_badges_in_the_line_of_text():
    html = (
        '<ol><li>Ask the traders <span class="priority-must">Must have</span></li></ol>'
        "<ul><li>Market hangar</li></ul>"
    )
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher()).render(
        stylesheets=pdf.print_stylesheets()
    )

    boxes = list(descendants(document.pages[0]._page_box))
    texts = [box.text for box in boxes if isinstance(box, TextBox)]
    assert texts[:4] == ["1. ", "Ask the traders ", "Must have", "• "]
    # Neither a marker positioned on its own nor an inline block, each costly to lay out.
    assert not any(getattr(box, "is_outside_marker", False) for box in boxes)
    assert not any(isinstance(box, InlineBlockBox) for box in boxes)


def descendants(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from descendants(child)


def test_the_strategy_chart_of_a_pdf_is_text_over_a_picture_without_text(
    client, consultant, laarne, programme, monkeypatch
):
    sheet = ActivityProfileFactory(owners=[laarne], programme=programme)
    StrategyFactory(sheet=sheet, strategy="Walk with residents", quantity=6, quality=8)
    rendered = []
    monkeypatch.setattr("sdgp.pdf.HTML", lambda string, **kwargs: rendered.append(string))
    client.force_login(consultant)

    with pytest.raises(AttributeError):  # the stand-in has no write_pdf: the HTML is enough
        client.get(reverse("learning:sheet_pdf", kwargs={"slug": sheet.tool.slug, "pk": sheet.pk}))

    (html,) = rendered
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher()).render(
        stylesheets=pdf.print_stylesheets()
    )
    boxes = [box for page in document.pages for box in descendants(page._page_box)]
    texts = [box.text for box in boxes if isinstance(box, TextBox)]
    for label in ("Level of participation (quantity)", "Added value (quality)", "1\t2\t3"):
        assert any(label in text for text in texts)
    (picture,) = re.findall(r'class="chart-picture" src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert b"<text" not in b64decode(picture)
