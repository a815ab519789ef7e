from django.http import Http404
from django.middleware import gzip
from django.utils import translation
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


class GZipMiddleware(gzip.GZipMiddleware):
    """Django's gzip, for the pages and data the app renders, not for files.

    Images, PDFs, clips and office documents are compressed already, and a response that
    answers or offers byte ranges (attachments, `Range: bytes=...`) must send the very bytes it
    names: such responses go out as their view made them. Static files never reach this
    middleware: WhiteNoise, above it, answers them with its own pre-compressed copies.
    """

    compressible = ("text/", "application/json", "application/javascript", "image/svg+xml")

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if (
            response.status_code == 206
            or response.has_header("Content-Range")
            or response.has_header("Accept-Ranges")
            or not content_type.startswith(self.compressible)
        ):
            return response
        return super().process_response(request, response)


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
