from django.utils import translation


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
