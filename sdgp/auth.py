"""Log-in and password change with a rate limit, and the invitation link that sets a password.

Failed password checks are counted per account (the user name folded by `normalise_username`)
and, with a much larger budget, per client address. Each attempt is counted *before* its
password is checked, with the cache's atomic increment, so parallel guesses cannot slip past the
limit; a correct password gives its count back.
"""

import contextlib
import hashlib
import math
import unicodedata

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.decorators import method_decorator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

THROTTLED = "throttled"


def normalise_username(username):
    """The form of a user name that counts failures: NFKC (full-width letters become ASCII, as
    Django's log-in form does) and case-folded, so look-alikes share one count."""
    folded = unicodedata.normalize("NFKC", str(username)).strip().casefold()
    return unicodedata.normalize("NFKC", folded)


def client_address(request):
    """The client's address: the connection's, or behind TRUSTED_PROXIES proxies the address
    that the outermost trusted proxy appended to X-Forwarded-For (entries further left are
    whatever the client sent, so they are not trusted)."""
    if request is None:
        return ""
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [part.strip() for part in forwarded if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(kind, value):
    digest = hashlib.sha256(value.encode()).hexdigest()
    return f"login-failures:{kind}:{digest}"


class LoginThrottle:
    """The failure counters of one password check: the account's and the address's."""

    def __init__(self, request, username):
        self.counters = [
            (_key("account", normalise_username(username)), settings.LOGIN_RATE_LIMIT),
            (_key("address", client_address(request)), settings.LOGIN_RATE_LIMIT_PER_ADDRESS),
        ]
        self.reserved = []

    def reserve(self):
        """Count this attempt on every counter; False (and nothing counted) if one is full."""
        for key, limit in self.counters:
            cache.add(key, 0, settings.LOGIN_RATE_WINDOW)
            try:
                count = cache.incr(key)
            except ValueError:  # the window ended between add() and incr()
                cache.add(key, 0, settings.LOGIN_RATE_WINDOW)
                count = cache.incr(key)
            self.reserved.append(key)
            if count > limit:
                self.release()
                return False
        return True

    def release(self):
        """Give the counts back: the password was right, or the attempt was refused."""
        for key in self.reserved:
            with contextlib.suppress(ValueError):  # the window has ended meanwhile
                cache.decr(key)
        self.reserved = []


def throttled_error(message):
    minutes = max(1, math.ceil(settings.LOGIN_RATE_WINDOW / 60))
    return ValidationError(message, code=THROTTLED, params={"minutes": minutes})


class ThrottledLoginMixin:
    """For Django's AuthenticationForm and its admin variant."""

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return super().clean()
        throttle = LoginThrottle(self.request, username)
        if not throttle.reserve():
            raise throttled_error(
                _("Too many failed log-in attempts. Please wait %(minutes)s minutes and try again.")
            )
        cleaned_data = super().clean()  # a wrong password raises: the attempt stays counted
        throttle.release()
        return cleaned_data


class ThrottledAuthenticationForm(ThrottledLoginMixin, auth_forms.AuthenticationForm):
    """People log in with their e-mail address, which is their user name (accounts are created
    by invitation: partnerships/services.py), so the form asks for that."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.label = capfirst(_("e-mail address"))
        field.widget.attrs.update({"inputmode": "email", "autocomplete": "username"})

    def get_invalid_login_error(self):
        return ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={"username": _("e-mail address")},
        )


class ThrottledAdminAuthenticationForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass


class ThrottledPasswordChangeForm(auth_forms.PasswordChangeForm):
    """Wrong current passwords count as failed log-ins of the account."""

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_old_password(self):
        throttle = LoginThrottle(self.request, self.user.get_username())
        if not throttle.reserve():
            raise throttled_error(
                _(
                    "Too many wrong current passwords. "
                    "Please wait %(minutes)s minutes and try again."
                )
            )
        old_password = super().clean_old_password()
        throttle.release()
        return old_password


class ThrottledFormMixin:
    """Answer 429 Too Many Requests when the form was refused for too many failures."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if any(
            error.code == THROTTLED for errors in form.errors.as_data().values() for error in errors
        ):
            response.status_code = 429
        return response


@method_decorator(login_not_required, name="dispatch")
class RateLimitedLoginView(ThrottledFormMixin, auth_views.LoginView):
    """Django's log-in, refusing further tries for a while after too many failures."""

    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True


class RateLimitedPasswordChangeView(ThrottledFormMixin, auth_views.PasswordChangeView):
    form_class = ThrottledPasswordChangeForm
    success_url = "/"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


@method_decorator(login_not_required, name="dispatch")
class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The single-use link of an invitation: choose a password, then you are logged in."""

    template_name = "registration/invitation_accept.html"
    post_reset_login = True
    # Two backends are configured (rules, then Django's); say which one logs the person in.
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = "/"
