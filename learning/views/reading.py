"""Read-only pages of one sheet: its change history, its print view and its PDF."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.views.generic import DetailView

from partnerships import freshness
from sdgp.pdf import render_pdf

from ..history import name_related, sheet_history
from .sheets import SheetMixin


class SheetHistoryView(SheetMixin, DetailView):
    """Every saved change with who, when and a field-level diff, newest first and a page of
    changes at a time; its own page, so the history is only computed when somebody opens it,
    and only the changes of the page shown are spelled out."""

    template_name = "learning/sheet_history.html"
    paginate_by = 20

    def get_context_data(self, **kwargs):
        # Read when the changes show: not while the reader's rendered page of them is kept
        # (`{% kept %}` in the template), until the data changes.
        changes = freshness.lazily(self.changes, ("page_obj", "entries"))
        return super().get_context_data(**changes, **kwargs)

    def changes(self):
        sheet = self.object
        since = None
        if not self.request.user.has_perm("learning.view_sheet_drafts", sheet):
            # Partners and observers: what was typed and deleted in a draft stays the owners'.
            since = sheet.first_shared_at()
        entries = sheet_history(sheet, since=since)
        page = Paginator(entries, self.paginate_by).get_page(self.request.GET.get("page"))
        return {"page_obj": page, "entries": name_related(page.object_list)}


class SheetPrintView(SheetMixin, DetailView):
    """The filled-in tool laid out like its template in the report's appendix, with the print
    stylesheet only."""

    template_name = "learning/sheet_print.html"
    printed = True

    def get_context_data(self, **kwargs):
        return super().get_context_data(printed_at=timezone.now(), **kwargs)


class SheetPdfView(SheetPrintView):
    def render_to_response(self, context, **response_kwargs):
        pdf = render_pdf(self.template_name, context, language=translation.get_language())
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{pdf_filename(self.object)}"'
        return response


def pdf_filename(sheet):
    """The tool, the owners, what tells the sheet apart among theirs, and the version."""
    parts = [sheet.tool.slug, *(slugify(owner.name) for owner in sheet.owners.all())]
    if sheet.name_field:
        parts.append(slugify(sheet.short_name)[:60])
    elif sheet.sheet_number:
        parts.append(str(sheet.sheet_number))
    return f"{'-'.join(part for part in parts if part)}-v{sheet.version}.pdf"
