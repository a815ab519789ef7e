from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SdgpConfig(AppConfig):
    name = "sdgp"
    verbose_name = _("SDG Partnerships")

    def ready(self):
        from django.contrib import admin
        from django.db.models import fields

        from . import checks  # noqa: F401  (registers the system checks)
        from .auth import ThrottledAdminAuthenticationForm

        # A superuser who opens the admin's log-in page is counted like on the site's (everyone
        # else is sent to the site's page: sdgp/admin_site.py).
        admin.site.login_form = ThrottledAdminAuthenticationForm

        # The empty choice of every select built from a model field or a ChoiceField (tools
        # 3 and 4, the sub-question editor, filters). Django's own catalogue has no Dutch for
        # it: ours translates it.
        fields.BLANK_CHOICE_LABEL = _("- Select an option -")
