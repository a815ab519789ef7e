"""The executive summary: the results, lessons and recommendations staff wrote for the
programme (`ReportNarrative`), each on the method and on the actors and governance. Parts
nobody wrote are left out, and the chapter with them all."""

from django.utils.translation import gettext_lazy as _

from reports.models import ReportJob

from .base import Part, Section, register

PARTS = (
    ("results", _("Results")),
    ("lessons", _("Lessons learned")),
    ("recommendations", _("Recommendations")),
)


class ExecutiveSummary(Section):
    slug = "summary"
    title = _("Executive summary")
    order = 10
    scopes = frozenset({ReportJob.Scope.PROGRAMME})

    def context(self, report):
        narrative = report.narrative
        if narrative is None:
            return None
        parts = []
        for name, title in PARTS:
            method = getattr(narrative, f"{name}_method")
            actors = getattr(narrative, f"{name}_actors")
            if method or actors:
                parts.append(Part(f"summary-{name}", title, {"method": method, "actors": actors}))
        return {"parts": parts} if parts else None


register(ExecutiveSummary())
