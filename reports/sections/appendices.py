"""The appendices: every filled-in tool in scope that the requester may read, in the
registry's order, each laid out by its own partial as in its PDF (with the report's
`with_appendices`); then appendix 8.11, the evolution of the learning questions and their
application per municipality."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.tools.registry import tools

from .base import Part, Section, register


class Appendices(Section):
    slug = "appendices"
    title = gettext_lazy("Appendices")
    order = 60
    # A tool's sheets, and the evolution's municipalities, laid out ten at a time.
    rows_per_piece = 10

    def context(self, report):
        parts = []
        if report.job.with_appendices:
            for tool in tools():
                entries = [sheet_entry(report, tool, sheet) for sheet in report.sheets(tool)]
                if entries:
                    title = _("Tool %(number)s: %(title)s") % {
                        "number": tool.number,
                        "title": tool.title,
                    }
                    parts.append(Part(f"appendix-{tool.slug}", title, entries))
        if report.evolution_rows:
            parts.append(
                Part(
                    "appendix-evolution",
                    _(
                        "Overview of the evolution of learning questions and their application "
                        "per municipality"
                    ),
                    report.evolution_rows,
                )
            )
        return {"parts": parts} if parts else None


def sheet_entry(report, tool, sheet):
    """What the appendix shows of one sheet: its partial's context as in the sheet's PDF,
    narrowed to the requester; without its images if the report leaves them out."""
    context = tool.printed_context(sheet, user=report.user)
    if "evolution" in context:  # tool 5's families of wordings, drawn when called
        context["evolution"] = refer_to_drawings(report, context["evolution"]())
    if "chart" in context and sheet.pk in report.drawn_charts:  # tool 9's, drawn in chapter 6
        context["chart"] = ""
        context["chart_drawn_in"] = report.drawn_charts[sheet.pk]
    return {
        "sheet": sheet,
        "tool": tool,
        "context": {
            "sheet": sheet,
            "tool": tool,
            "pdf": True,
            "without_images": not report.job.with_images,
            **context,
        },
    }


def refer_to_drawings(report, families):
    """Tool 5's families of wordings already drawn in the learning cycles' chapter refer to
    that drawing (`family.drawn_in`), which holds all of the family and more: its owner's
    other tables; a family the chapter does not show is drawn here."""
    for family in families:
        family.drawn_in = report.drawn_wordings.get(family.last.pk)
    return families


register(Appendices())
