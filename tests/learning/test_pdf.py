"""The PDF renderer reads only our own static and media files."""

import pytest
from django.urls import reverse
from django.utils import translation

from sdgp.pdf import BASE_URL, LocalFilesFetcher, local_path, render_pdf
from tests.factories import SwotFactory


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
def test_the_pdf_of_a_sheet_asks_for_the_print_stylesheets_only(
    client, focal_point, laarne, monkeypatch
):
    fetched = []
    fetch = LocalFilesFetcher.fetch
    monkeypatch.setattr(
        LocalFilesFetcher,
        "fetch",
        lambda self, url, headers=None: fetched.append(url) or fetch(self, url, headers),
    )
    sheet = SwotFactory(owners=[laarne])
    client.force_login(focal_point)

    response = client.get(reverse("learning:sheet_pdf", kwargs={"slug": "swot", "pk": sheet.pk}))

    assert response.content.startswith(b"%PDF")
    assert fetched == [f"{BASE_URL}static/css/print.css", f"{BASE_URL}static/css/tools.css"]


def test_render_pdf_renders_in_the_language_asked_for(monkeypatch):
    seen = {}

    def fake_render(template_name, context):
        seen["language"] = translation.get_language()
        return "<p>ok</p>"

    monkeypatch.setattr("sdgp.pdf.render_to_string", fake_render)

    assert render_pdf("any.html", {}, language="nl").startswith(b"%PDF")
    assert seen["language"] == "nl"
