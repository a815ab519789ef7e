from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Site visits")

    def ready(self):
        from . import panels  # noqa: F401  (the sections on partnership and municipality pages)
