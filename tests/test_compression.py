"""Pages go out gzip-compressed to browsers that accept it; files go out as their views made
them, byte ranges included. Each page masks the CSRF token afresh, so no secret repeats from one
compressed response to the next (BREACH, see docs/security.md)."""

import gzip
import re

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.urls import reverse

from sdgp.middleware import GZipMiddleware

pytestmark = pytest.mark.django_db

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


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


def test_the_csrf_token_differs_between_two_pages(client, focal_point):
    client.force_login(focal_point)
    first, second = (
        gzip.decompress(client.get(reverse("home"), headers=GZIP).content).decode()
        for _ in range(2)
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
    request = RequestFactory().get("/", headers=GZIP)
    sent = GZipMiddleware(lambda request: response)(request)
    assert "Content-Encoding" not in sent
