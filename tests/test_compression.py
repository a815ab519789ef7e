"""Pages go out brotli- or gzip-compressed to browsers that accept it; files go out as their
views made them, byte ranges included. Each page masks the CSRF token afresh, so no secret
repeats from one compressed response to the next, and each compressed page is padded at random
(BREACH, see docs/security.md)."""

import gzip
import re

import brotli
import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.urls import reverse

from sdgp.middleware import CompressionMiddleware

pytestmark = pytest.mark.django_db

GZIP = {"Accept-Encoding": "gzip, deflate"}
# What Chromium and Firefox send.
BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}


def csrf_token(html):
    return re.search(r'"X-CSRFToken": "([^"]+)"', html).group(1)


def test_a_page_is_compressed_when_the_browser_accepts_it(client, focal_point):
    client.force_login(focal_point)
    plain = client.get(reverse("home"))
    compressed = client.get(reverse("home"), headers=GZIP)
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    html = gzip.decompress(compressed.content).decode()
    assert "</html>" in html
    assert len(compressed.content) < len(plain.content) / 2


def test_a_page_is_compressed_with_brotli_when_the_browser_accepts_it(client, focal_point):
    client.force_login(focal_point)
    plain = client.get(reverse("home")).text
    compressed = client.get(reverse("home"), headers=BROWSER)
    assert compressed["Content-Encoding"] == "br"
    assert "Accept-Encoding" in compressed["Vary"]
    assert int(compressed["Content-Length"]) == len(compressed.content)
    html = brotli.decompress(compressed.content).decode()
    # The whole page, then its padding.
    assert re.search(r"</html>\s*<!-- [0-9a-f]{0,100} -->$", html)
    assert len(html) >= len(plain)
    gzipped = client.get(reverse("home"), headers=GZIP)
    assert len(compressed.content) < len(gzipped.content)


def test_brotli_pads_each_page_at_random():
    """As Django pads each gzip response, so that the sizes of two responses do not tell how
    much of them repeats."""
    page = b"<!doctype html><html><body>" + b"<p>the same page</p>" * 50 + b"</body></html>"
    middleware = CompressionMiddleware(lambda request: HttpResponse(page))
    sent = [middleware(RequestFactory().get("/", headers=BROWSER)) for _ in range(20)]
    assert {response["Content-Encoding"] for response in sent} == {"br"}
    assert len({len(response.content) for response in sent}) > 1
    for response in sent:
        html = brotli.decompress(response.content)
        assert html.startswith(page)
        assert re.fullmatch(rb"<!-- [0-9a-f]{0,100} -->", html[len(page) :])


def test_data_goes_out_gzip_compressed_to_a_browser_that_accepts_brotli():
    """Brotli and its padding are for pages only: JSON and calendars keep Django's gzip."""
    data = b'{"rows": [' + b'"the same row", ' * 50 + b'"the last"]}'
    response = HttpResponse(data, content_type="application/json")
    sent = CompressionMiddleware(lambda request: response)(
        RequestFactory().get("/", headers=BROWSER)
    )
    assert sent["Content-Encoding"] == "gzip"
    assert gzip.decompress(sent.content) == data


@pytest.mark.parametrize("headers", [GZIP, BROWSER], ids=["gzip", "brotli"])
def test_the_csrf_token_differs_between_two_pages(client, focal_point, headers):
    client.force_login(focal_point)
    decompress = brotli.decompress if headers is BROWSER else gzip.decompress
    first, second = (
        decompress(client.get(reverse("home"), headers=headers).content).decode() for _ in range(2)
    )
    assert csrf_token(first) != csrf_token(second)


@pytest.mark.parametrize(
    "response",
    [
        StreamingHttpResponse(
            [b"a" * 1000],
            status=206,
            content_type="text/plain",
            headers={"Content-Range": "bytes 0-999/5000"},
        ),
        StreamingHttpResponse(
            [b"a" * 1000], content_type="text/plain", headers={"Accept-Ranges": "bytes"}
        ),
        HttpResponse(b"a" * 1000, content_type="application/pdf"),
    ],
    ids=["a byte range", "a file that offers byte ranges", "a PDF"],
)
def test_byte_ranges_and_files_are_sent_as_the_view_made_them(response):
    request = RequestFactory().get("/", headers=BROWSER)
    sent = CompressionMiddleware(lambda request: response)(request)
    assert "Content-Encoding" not in sent
