from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SdgpConfig(AppConfig):
    name = "sdgp"
    verbose_name = _("SDG Partnerships")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
