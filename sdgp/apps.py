from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SdgpConfig(AppConfig):
    name = "sdgp"
    verbose_name = _("SDG Partnerships")

    def ready(self):
        from django.contrib import admin

        from . import checks  # noqa: F401  (registers the system checks)
        from .auth import ThrottledAdminAuthenticationForm

        # The admin's log-in page counts failures like the site's.
        admin.site.login_form = ThrottledAdminAuthenticationForm
