from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Site visits")

    def ready(self):
        from learning.tools.learning_questions.application import register_application_source

        from . import panels  # noqa: F401  (the sections on partnership and municipality pages)
        from .application import application_source

        # The evolution overview's application of what was learned: the action plans.
        register_application_source(application_source)
