"""PDF rendering: a template and its context in, PDF bytes out (WeasyPrint).

The document's links resolve against an internal base URL, and the URL fetcher answers only
for our own static files (collected or found by the finders) and media files; anything else,
another host, a file: URL or a path outside those folders, is refused, so a PDF never reaches
the network or the server's file system.

Every PDF is styled by the same print stylesheets, parsed once per process: a print template
links them only for the browser (`{% if not pdf %}`), since parsing them again took longer than
laying out a page of text. And PDFs reuse font configurations: a new one starts with empty
caches, and loading the fonts and measuring each glyph again made a one-page sheet a fifth
slower.
"""

import mimetypes
import ssl
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://sdgp.internal/"
PRINT_STYLESHEETS = ("css/print.css", "css/tools.css")
# The final report has a print stylesheet of its own (reports/rendering.py).
REPORT_STYLESHEETS = ("css/report.css", "css/tools.css")

# The fetcher never opens a connection, so it needs no certificates. Without a context of its
# own, each fetcher would build the default one, loading the system's certificate store: about
# 20 ms, as long as the layout of a page of text.
NO_NETWORK = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class LocalFilesFetcher(URLFetcher):
    """Serves `/static/...` and `/media/...` of BASE_URL from disk; refuses everything else."""

    def __init__(self, **kwargs):
        super().__init__(ssl_context=NO_NETWORK, allowed_protocols=("data",), **kwargs)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = local_path(url)
        if path is None:
            raise ValueError(f"Refused to fetch {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def local_path(url):
    """The file on disk behind one of our static or media URLs, or None."""
    base = urlsplit(BASE_URL)
    parts = urlsplit(url)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    path = unquote(parts.path)
    static_url = urlsplit(settings.STATIC_URL).path
    media_url = urlsplit(settings.MEDIA_URL).path
    if path.startswith(static_url):
        relative = path.removeprefix(static_url)
        collected = _inside(Path(settings.STATIC_ROOT), relative)
        if collected is not None and collected.is_file():
            return collected
        found = finders.find(relative) if ".." not in Path(relative).parts else None
        return Path(found) if found else None
    if path.startswith(media_url):
        candidate = _inside(Path(settings.MEDIA_ROOT), path.removeprefix(media_url))
        # Attachments under private/ never go into a PDF.
        if candidate is None or _inside(Path(settings.MEDIA_ROOT) / "private", candidate):
            return None
        return candidate if candidate.is_file() else None
    return None


def _inside(root, relative):
    """`root / relative` if it stays inside `root`, else None."""
    root = root.resolve()
    candidate = (root / relative).resolve()
    return candidate if candidate.is_relative_to(root) else None


@cache
def _parsed(names):
    fetcher = LocalFilesFetcher()
    return tuple(CSS(url=urljoin(BASE_URL, static(name)), url_fetcher=fetcher) for name in names)


def print_stylesheets(names=PRINT_STYLESHEETS):
    """The print stylesheets (or those `names`), parsed once per process (WeasyPrint only reads
    them afterwards, so threads share them); with DEBUG on, on each call, so that edits show at
    once."""
    if settings.DEBUG:
        _parsed.cache_clear()
    return _parsed(tuple(names))


# Font configurations not in use. A Pango font map is not safe to share between threads, so
# each PDF takes one for itself and puts it back afterwards; the last one put back, the one with
# the most fonts loaded, goes first. A worker thus warms one per PDF it renders at the same
# time, not one per thread: with one per thread, a PDF often came to a thread of the worker
# that had not loaded the fonts yet. (`list.pop` and `list.append` are atomic.)
_idle_fonts = []


@contextmanager
def fonts():
    """A font configuration for one PDF: an idle one, with its fonts loaded and its glyphs
    measured by the PDFs before, or a new one if every one is in use."""
    try:
        config = _idle_fonts.pop()
    except IndexError:
        config = FontConfiguration()
    try:
        yield config
    finally:
        _idle_fonts.append(config)


def render_pdf(template_name, context, *, language):
    """Render the template in `language`, with `pdf` true in its context, and return the PDF
    as bytes."""
    with translation.override(language):
        html = render_to_string(template_name, {**context, "pdf": True})
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher())
    with fonts() as font_config:
        return document.write_pdf(stylesheets=print_stylesheets(), font_config=font_config)
