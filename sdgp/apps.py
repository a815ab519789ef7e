from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SdgpConfig(AppConfig):
    name = "sdgp"
    verbose_name = _("SDG Partnerships")

    def ready(self):
        from django.contrib import admin

        from . import checks  # noqa: F401  (registers the system checks)
        from .auth import ThrottledAdminAuthenticationForm

        # A superuser who opens the admin's log-in page is counted like on the site's (everyone
        # else is sent to the site's page: sdgp/admin_site.py).
        admin.site.login_form = ThrottledAdminAuthenticationForm
