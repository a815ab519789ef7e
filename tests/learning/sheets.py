"""Filling in any registered tool from its `sample()` (see learning/tools/registry.py)."""

from django import forms
from django.urls import reverse

from learning.forms import current_values, row_formset_classes, sheet_form_class, sheet_post_data
from learning.workflows import Status
from sdgp import pdf
from visits.tools.base import VisitTool


def url(name, sheet, **kwargs):
    return reverse(f"learning:{name}", kwargs={"slug": sheet.tool.slug, "pk": sheet.pk, **kwargs})


def is_visit_tool(tool):
    """A site-visit tool: its sheets are about a delegation (tools 6 to 10)."""
    return isinstance(tool, VisitTool)


def owned_by_both_sides(tool):
    """A site-visit tool whose sheets both sides of the delegation own (the programme, the
    terms): both teams edit its drafts. The visiting municipality alone owns the others (the
    journals, the action plan), which its partner reads once they are shared."""
    return is_visit_tool(tool) and tool.owned_by_host


def sharing(tool):
    """The transition that first shows a draft beyond its owners: "share", or the terms of
    reference's "validate" (by the visiting municipality)."""
    workflow = tool.model.workflow
    return next(
        transition
        for transition in workflow.transitions
        if Status.DRAFT in transition.sources and transition.target in workflow.shared
    )


def editable_once_shared(tool):
    """Whether the owners may still edit the sheet once shared (not validated terms)."""
    return sharing(tool).target in tool.model.workflow.editable


def owners_of_new_sheet(tool, sheet, owner):
    """Whom the create page opened for `owner` makes the sheet's owners: `owner`, or a
    site-visit tool's owners of its delegation (both sides, or the visiting municipality)."""
    if is_visit_tool(tool):
        return set(tool.owners_of(sheet.delegation))
    return {owner}


def sample_data(tool, owner):
    return sheet_post_data(tool, tool.sample(owner))


def create_sheet(client, tool, owner):
    """Fill in the tool for `owner` through the create page, as the logged-in user."""
    response = client.post(
        reverse("learning:sheet_create", kwargs={"slug": tool.slug, "owner": owner.pk}),
        sample_data(tool, owner),
    )
    assert response.status_code == 302, _errors(response)
    return tool.model.objects.latest("pk")


def text_field(tool):
    """Where the tests type: the first plain text field of the sheet form, else (a journal has
    no text of its own) of the first kind of rows with one, in its first row; as (the rows'
    prefix, or None for the sheet's form, and the field's name)."""
    for name, field in sheet_form_class(tool).base_fields.items():
        if type(field) is forms.CharField:
            return None, name
    for formset_class in row_formset_classes(tool):
        for name, field in formset_class.form.base_fields.items():
            if type(field) is forms.CharField:
                return formset_class.get_default_prefix(), name
    raise LookupError(f"{tool.slug} has no plain text field")


def edit_data(tool, sheet, text, *, version=None):
    """POST data that keeps the sheet as it is but for `text` in its first text field."""
    values = current_values(tool, sheet)
    prefix, name = text_field(tool)
    (values[prefix][0] if prefix else values)[name] = text
    return sheet_post_data(tool, values, version=sheet.version if version is None else version)


def typed_text(tool, sheet):
    """What the sheet says now in the field the tests type into (`text_field`)."""
    prefix, name = text_field(tool)
    values = current_values(tool, sheet)
    return (values[prefix][0] if prefix else values)[name]


def _errors(response):
    context = response.context
    if not context or "form" not in context:
        return response.status_code
    return [context["form"].errors, *(formset.errors for formset in context["formsets"])]


def pdf_html(client, monkeypatch, sheet):
    """The HTML the sheet's PDF is drawn from, as the logged-in user gets the PDF."""
    rendered = []
    render = pdf.render_to_string
    monkeypatch.setattr(
        pdf, "render_to_string", lambda *args: rendered.append(render(*args)) or rendered[-1]
    )
    response = client.get(url("sheet_pdf", sheet))
    assert response.content.startswith(b"%PDF")
    (html,) = rendered
    return html
