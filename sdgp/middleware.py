import re
import secrets

import brotli
from django.http import Http404
from django.middleware import gzip
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.defaults import page_not_found


class UserLanguageMiddleware:
    """Speak the signed-in user's preferred language unless they chose one for this session.

    LocaleMiddleware has already picked a language from the cookie or the browser; a user's own
    preference wins over the browser, and a choice made with the language switch (the cookie)
    wins over both.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        user = request.user
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if user.is_authenticated and user.language and not chosen:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class RequestSizeLimitMiddleware:
    """Refuse a request whose body is larger than MAX_REQUEST_BYTES before any of it is read.

    Django bounds the form fields of a request (DATA_UPLOAD_MAX_MEMORY_SIZE), not its files,
    which it would write to disk whatever their size; the forms check each file afterwards.
    The page answers 413 in the user's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings
        from django.shortcuts import render
        from django.template.defaultfilters import filesizeformat

        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            return render(
                request,
                "413.html",
                {"limit": filesizeformat(settings.MAX_REQUEST_BYTES)},
                status=413,
            )
        return self.get_response(request)


class CompressionMiddleware(gzip.GZipMiddleware):
    """Django's gzip, and brotli for the pages of browsers that accept it, for what the app
    renders, not for files.

    Brotli writes a page smaller than gzip, and sooner: a long sheet's edit page of 340 KB goes
    out in 8 KB instead of 14, compressed in half the time. Django's gzip adds up to 100 random
    bytes to each response (BREACH, docs/security.md); a page compressed with brotli ends with
    a comment of up to 100 random characters to the same end.

    Images, PDFs, clips and office documents are compressed already, and a response that
    answers or offers byte ranges (attachments, `Range: bytes=...`) must send the very bytes it
    names: such responses go out as their view made them. Static files never reach this
    middleware: WhiteNoise, above it, answers them with its own pre-compressed copies.
    """

    compressible = ("text/", "application/json", "application/javascript", "image/svg+xml")
    # Brotli's quality 4 compresses a page a third smaller than gzip's default level, faster.
    brotli_quality = 4

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if (
            response.status_code == 206
            or response.has_header("Content-Range")
            or response.has_header("Accept-Ranges")
            or not content_type.startswith(self.compressible)
        ):
            return response
        if (
            content_type.startswith("text/html")
            and not response.streaming
            and not response.has_header("Content-Encoding")
            and len(response.content) >= 200
            and ACCEPTS_BROTLI.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        ):
            return self.brotli(response)
        return super().process_response(request, response)

    def brotli(self, response):
        patch_vary_headers(response, ("Accept-Encoding",))
        padding = secrets.token_hex(secrets.randbelow(self.max_random_bytes // 2 + 1))
        content = response.content + f"<!-- {padding} -->".encode()
        compressed = brotli.compress(content, mode=brotli.MODE_TEXT, quality=self.brotli_quality)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "br"
        return response


ACCEPTS_BROTLI = re.compile(r"\bbr\b")


class NotFoundPageMiddleware:
    """With DEBUG on (the demo, development), Django answers a missing page with its technical
    page, in English; this answers with the site's own 404 page (templates/404.html, in the
    user's language), as production does. Off DEBUG it changes nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            # No URL matched (Resolver404): the view's own 404s come through process_exception.
            and getattr(request, "resolver_match", None) is None
            and not request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL))
        ):
            return page_not_found(request, Http404())
        return response

    def process_exception(self, request, exception):
        from django.conf import settings

        if settings.DEBUG and isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None
