"""The conclusions staff wrote for the programme (`ReportNarrative.conclusions`); left out
while empty."""

from django.utils.translation import gettext_lazy as _

from reports.models import ReportJob

from .base import Section, register


class Conclusions(Section):
    slug = "conclusions"
    title = _("Conclusions")
    order = 50
    scopes = frozenset({ReportJob.Scope.PROGRAMME})

    def context(self, report):
        narrative = report.narrative
        if narrative is None or not narrative.conclusions.strip():
            return None
        return {"conclusions": narrative.conclusions}


register(Conclusions())
