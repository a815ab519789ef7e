"""What the site-visit tools share: a sheet about one delegation, owned by its visiting and its
host municipality, created from the delegation's page."""

import html
from functools import partial

from django import forms
from django.db import models
from django.utils.choices import BaseChoiceIterator
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from learning.forms import SheetForm
from learning.tools.base import ToolSheet
from learning.tools.registry import Step, Tool
from partnerships import freshness
from sdgp.templatetags.widget_attrs import html_attrs

from ..coverage import current_questions, current_subquestions
from ..models.trips import Delegation


class DelegationSheet(ToolSheet):
    """A tool filled in for one delegation of a site visit (tools 6 and 7). It is named like
    any sheet, after its owners and, when they have several (one per visit), its number: the
    overviews name many sheets at once without reading their delegations."""

    delegation = models.OneToOneField(
        Delegation,
        on_delete=models.PROTECT,
        related_name="%(class)s",
        verbose_name=_("delegation"),
    )

    class Meta(ToolSheet.Meta):
        abstract = True

    @property
    def visit(self):
        return self.delegation.visit


class DelegationSheetForm(SheetForm):
    """The delegation is chosen once, among those of the municipality that have no sheet of
    this tool yet and that the person may read; it cannot change afterwards."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("delegation")
        if field is None:
            return
        if self.instance.pk:
            field.disabled = True
            field.queryset = Delegation.objects.filter(pk=self.instance.delegation_id)
            field.queryset = field.queryset.select_related("visit", "visitor", "host")
            field.label_from_instance = _delegation_label
            return
        model = self._meta.model
        taken = model.objects.values("delegation")
        candidates = Delegation.objects.active().exclude(pk__in=taken)
        if self.user is not None:
            candidates = candidates.filter(
                pk__in=Delegation.objects.visible_to(self.user).values("pk")
            )
        if self.owner is not None:
            if model.tool.owned_by_host:
                candidates = candidates.of_local_government(self.owner)
            else:
                candidates = candidates.filter(visitor=self.owner)
        field.queryset = candidates.select_related("visit", "visitor", "host")
        field.label_from_instance = _delegation_label
        choices = list(field.queryset)
        field.empty_label = None if len(choices) == 1 else field.empty_label
        # The sheet is about the delegation posted, linked (`?delegation=`) or the only one:
        # the row forms, built after this one, offer its questions and check its days.
        chosen = self.data.get(self.add_prefix("delegation")) if self.is_bound else None
        chosen = chosen or self.initial.get("delegation")
        for delegation in choices:
            if str(delegation.pk) == str(chosen) or len(choices) == 1:
                self.instance.delegation = delegation


def visit_day_error(delegation, date):
    """The message for a date outside the delegation's visit, or None."""
    visit = delegation.visit
    if date in visit.days:
        return None
    return _("Choose a day of the visit, from %(start)s to %(end)s.") % {
        "start": date_format(visit.start_date, "SHORT_DATE_FORMAT"),
        "end": date_format(visit.end_date, "SHORT_DATE_FORMAT"),
    }


def visit_date_field(form, sheet, name="date"):
    """A row form's date: a date input, refused outside the sheet's visit."""
    field = form.fields[name]
    field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    if sheet is None or not sheet.delegation_id:
        return

    def within_visit(date):
        if date is not None and (message := visit_day_error(sheet.delegation, date)):
            raise forms.ValidationError(message, code="outside_visit")

    field.validators.append(within_visit)


def question_choices(sheet):
    """The visiting municipality's current learning questions and sub-questions a row may
    name, read once for all the rows of a sheet about `sheet`'s delegation (a query per row
    each otherwise); none before the delegation is chosen."""
    if sheet is None or not sheet.delegation_id:
        return {"questions": [], "subquestions": []}
    delegation = sheet.delegation
    return {
        "questions": list(current_questions(delegation).order_by("table", "order", "pk")),
        "subquestions": list(current_subquestions(delegation)),
    }


def row_question_choices(sheet):
    """`question_choices` for the row forms of a page: labelled once (`LabelledChoices`), with
    the querysets that check what a row chooses built once too (`querysets`)."""
    choices = question_choices(sheet)
    querysets = None
    if sheet is not None and sheet.delegation_id:
        querysets = (
            current_questions(sheet.delegation).order_by("table", "order", "pk"),
            current_subquestions(sheet.delegation),
        )
    return {
        "questions": labelled_choices(forms.ModelChoiceField, choices["questions"]),
        "subquestions": labelled_choices(forms.ModelChoiceField, choices["subquestions"]),
        "querysets": querysets,
    }


class LabelledChoices(BaseChoiceIterator):
    """`(pk, label)` pairs: a row field's choices, labelled and escaped once for all the rows
    of a page (`labelled_choices`). A choice iterator, so that neither the field nor its widget
    normalizes them again for every row."""

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self):
        return len(self.pairs)

    @cached_property
    def escaped(self):
        """`(pk as a string, pk escaped, label escaped)` of each choice, for the widgets below."""
        return [(str(pk), html.escape(str(pk)), conditional_escape(label)) for pk, label in self]


def labelled_choices(field_class, objects):
    """`objects` as the choices of a `field_class` field (its `label_from_instance`)."""
    label = field_class.label_from_instance
    return LabelledChoices((obj.pk, conditional_escape(label(None, obj))) for obj in objects)


def show_choices(field, objects):
    """Show `objects` (or their `LabelledChoices`) as `field`'s choices; its queryset still
    checks what is chosen."""
    empty = [] if getattr(field, "empty_label", None) is None else [("", field.empty_label)]
    if isinstance(objects, LabelledChoices):
        field.choices = LabelledChoices(empty + objects.pairs) if empty else objects
    else:
        field.choices = empty + [(obj.pk, field.label_from_instance(obj)) for obj in objects]


def _escaped(choices):
    if isinstance(choices, LabelledChoices):
        return choices.escaped
    return LabelledChoices(choices).escaped


class Checklist(forms.CheckboxSelectMultiple):
    """Checkboxes written in one step, each inside its label (no id of its own): a row of a
    long sheet lists all the visiting municipality's sub-questions, and a template loop per
    checkbox cost more than the rest of the row."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        box = attrs.pop("id", None)
        chosen = {str(pk) for pk in self.format_value(value)}
        start = f'<label class="form-check"><input type="checkbox" name="{html.escape(name)}" '
        shared = html_attrs(attrs)
        options = "".join(
            f'{start}value="{pk}"{shared}{" checked" if raw in chosen else ""}> {label}</label>'
            for raw, pk, label in _escaped(self.choices)
        )
        box = f' id="{html.escape(box)}"' if box else ""
        return mark_safe(f"<div{box}>{options}</div>")


class Picklist(forms.SelectMultiple):
    """A multiple select written in one step, as templates/django/forms/widgets/select.html
    writes it: each row of a long sheet offers all the visiting municipality's questions or
    sub-questions."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**self.build_attrs(self.attrs, attrs), "multiple": True}
        chosen = {str(pk) for pk in self.format_value(value)}
        options = "".join(
            f'<option value="{pk}"{" selected" if raw in chosen else ""}>{label}</option>'
            for raw, pk, label in _escaped(self.choices)
        )
        return mark_safe(
            f'<select name="{html.escape(name)}"{html_attrs(attrs)}>{options}</select>'
        )


def _delegation_label(delegation):
    """ "Ouinhi to Laarne, 23/09/2024": the same pair travels on several visits."""
    return f"{delegation}, {date_format(delegation.visit.start_date, 'SHORT_DATE_FORMAT')}"


class VisitTool(Tool):
    """Base of the site-visit tools: their sheets' owners and programme are the delegation's."""

    step = Step.SITE_VISIT
    many_per_owner = True
    chooses_owners = False
    # Both municipalities own the programme and the terms; the visiting one alone its
    # journals and its action plan, which its partner reads once shared.
    owned_by_host = True
    sheet_related = ("delegation__visit", "delegation__visitor", "delegation__host")
    # The names `partial_context` returns: the page reads them only when its partial shows.
    partial_names = ()

    def page_context(self, *, request, sheet, owner, printed=False):
        """The partial's context, read once when the partial renders (the template calls each
        name): the edit page, which does not show it, reads nothing, nor does the read page
        while its rendered partial is kept (templates/learning/sheet_detail.html). Print and
        PDF read it whole, at once."""
        if printed or sheet is None or sheet.pk is None:
            return super().page_context(request=request, sheet=sheet, owner=owner, printed=printed)
        return freshness.lazily(partial(self.partial_context, sheet), self.partial_names)

    def owners_of(self, delegation):
        if self.owned_by_host:
            return [delegation.visitor, delegation.host]
        return [delegation.visitor]

    def sheet_scope(self, values, *, owner, co_owners, programme):
        delegation = values["delegation"]
        return delegation.visit.programme, self.owners_of(delegation)

    def get_row_form_kwargs(self, inline, *, owner, user, sheet=None):
        """The row forms check their dates and choices against the sheet's delegation."""
        return {**super().get_row_form_kwargs(inline, owner=owner, user=user), "sheet": sheet}

    def sample(self, owner):
        return self.sample_for(self.sample_delegation(owner))

    def sample_for(self, delegation):
        """Valid input for a sheet about `delegation` (its rows fall within the visit)."""
        raise NotImplementedError

    def sample_delegation(self, owner):
        """A delegation of `owner` without a sheet of this tool, created when there is none:
        preferably one where `owner` visits, so that its team can take the sheet through every
        step (the visiting municipality validates the terms of reference)."""
        from ..services import delegation_for_sample

        return delegation_for_sample(owner, self.model)
