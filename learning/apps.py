from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning tools")

    def ready(self):
        from . import panels  # noqa: F401  (the sections on partnership and municipality pages)
