"""Log-in with a rate limit, and the invitation link that sets a first password."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _


def _attempt_keys(request):
    username = request.POST.get("username", "").strip().lower()
    address = request.META.get("REMOTE_ADDR", "")
    return [f"login-failures:user:{username}", f"login-failures:ip:{address}"]


@method_decorator(login_not_required, name="dispatch")
class RateLimitedLoginView(auth_views.LoginView):
    """Django's log-in, refusing further tries for a while after too many failures."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if any(cache.get(key, 0) >= settings.LOGIN_RATE_LIMIT for key in _attempt_keys(request)):
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None,
                _("Too many failed log-in attempts. Please wait %(minutes)s minutes and try again.")
                % {"minutes": settings.LOGIN_RATE_WINDOW // 60},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        for key in _attempt_keys(self.request):
            cache.add(key, 0, settings.LOGIN_RATE_WINDOW)
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, settings.LOGIN_RATE_WINDOW)
        return super().form_invalid(form)


@method_decorator(login_not_required, name="dispatch")
class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The single-use link of an invitation: choose a password, then you are logged in."""

    template_name = "registration/invitation_accept.html"
    post_reset_login = True
    # Two backends are configured (rules, then Django's); say which one logs the person in.
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = "/"
