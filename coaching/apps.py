from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "coaching"
    verbose_name = _("Coaching")

    def ready(self):
        # The meetings on partnership and municipality pages; the reader's time zone kept in
        # their session on logging in.
        from . import panels, timezones  # noqa: F401
