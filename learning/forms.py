"""Forms of the tool framework, built from a tool's spec when a view needs them."""

import copy
import math
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms.models import BaseInlineFormSet, inlineformset_factory, modelform_factory
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from partnerships.models import LocalGovernment

from .models.comments import Comment


class SheetForm(forms.ModelForm):
    """Base form of a sheet: receives the owner municipality and the user (for choices that
    depend on them; `Tool.get_form_kwargs`)."""

    def __init__(self, *args, owner=None, user=None, **kwargs):
        self.owner = owner
        self.user = user
        super().__init__(*args, **kwargs)


class RowForm(forms.ModelForm):
    """Base form of a repeating row: receives the owner municipality and the user too."""

    def __init__(self, *args, owner=None, user=None, **kwargs):
        self.owner = owner
        self.user = user
        super().__init__(*args, **kwargs)


class RowFormSet(BaseInlineFormSet):
    """The repeating rows of a sheet.

    On the edit page of a long sheet, an unbound formset shows one page of its rows (`window`,
    see `paginate_rows`); bound, it reads every row of the sheet, so a row posted from its page
    is found wherever it now stands.

    A row that someone else removed while this person was editing stays in the form as a new
    row with what they typed, instead of failing on its hidden id (an error nobody can see or
    correct). `vanished_forms()` names those rows so the page can say what happened; saving
    adds them back, and a row marked "Remove" is simply gone."""

    window = None

    def get_queryset(self):
        if self.window is None or self.is_bound:
            return super().get_queryset()
        if not hasattr(self, "_shown_rows"):
            self._shown_rows = super().get_queryset()[self.window]
        return self._shown_rows

    def _construct_form(self, i, **kwargs):
        if not self.is_bound or i >= self.initial_form_count():
            return super()._construct_form(i, **kwargs)
        key = f"{self.add_prefix(i)}-{self.model._meta.pk.name}"
        pk = self._submitted_pk(self.data.get(key))
        if pk is not None and (
            self._existing_object(pk) is not None
            # Another sheet's row: Django ignores it (the row is left alone).
            or self.model._default_manager.filter(pk=pk).exists()
        ):
            return super()._construct_form(i, **kwargs)
        # Removed meanwhile (or already shown as removed, with its id cleared): a new row.
        data = self.data.copy()
        data[key] = ""
        form = super()._construct_form(i, data=data, **kwargs)
        form.fields[self.model._meta.pk.name].required = False
        form.restored = True
        form.vanished = pk is not None
        return form

    def _submitted_pk(self, submitted):
        if not submitted:
            return None
        try:
            return self._get_to_python(self.model._meta.pk)(submitted)
        except ValidationError:
            return None

    def vanished_forms(self):
        """The rows this person kept (not marked "Remove") that no longer exist."""
        return [
            form
            for form in self.initial_forms
            if getattr(form, "vanished", False)
            and not (self.can_delete and self._should_delete_form(form))
        ]

    def save_new_objects(self, commit=True):
        kept = [
            form
            for form in self.initial_forms
            if getattr(form, "restored", False)
            and form.has_changed()
            and not (self.can_delete and self._should_delete_form(form))
        ]
        restored = [self.save_new(form, commit=commit) for form in kept]
        if not commit:
            self.saved_forms.extend(kept)
        super().save_new_objects(commit=commit)
        self.new_objects = restored + self.new_objects
        return self.new_objects


class OwnersForm(forms.Form):
    """Further owners of a new sheet: municipalities that fill it in jointly (a joint table)."""

    prefix = "owners"

    co_owners = forms.ModelMultipleChoiceField(
        queryset=LocalGovernment.objects.none(),
        required=False,
        label=_("Filled in jointly with"),
        help_text=_("Only for a joint sheet; each of these municipalities will own it too."),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_owners"].queryset = LocalGovernment.objects.filter(
            pk__in=[choice.pk for choice in choices]
        )


def submission_key_field():
    """A hidden key made when the form is shown: posting the same form twice (a double click,
    a reload after a lost answer) saves once (see `learning.services.submitted_once`)."""
    return forms.UUIDField(
        required=False,
        initial=uuid.uuid4,
        # No browser may fill in an old key: a new post would pass for the old one.
        widget=forms.HiddenInput(attrs={"autocomplete": "off"}),
    )


class CommentForm(forms.ModelForm):
    submission_key = submission_key_field()

    class Meta:
        model = Comment
        fields = ("text",)
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("Your comment")}


class ReturnForm(forms.Form):
    text = forms.CharField(
        label=_("What should change?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def sheet_form_class(tool):
    return modelform_factory(tool.model, form=tool.form or SheetForm, fields=tool.fields)


def row_formset_classes(tool):
    """One inline formset class per `Inline` of the tool, in spec order, made for this request
    (its rows' texts are translated once, see `translate_once`)."""
    return [
        translate_once(
            inlineformset_factory(
                tool.model,
                inline.model,
                form=inline.form or RowForm,
                formset=RowFormSet,
                fields=inline.fields,
                fk_name=inline.fk_name,
                extra=inline.extra,
                min_num=inline.min_num,
                max_num=inline.max_num,
                absolute_max=inline.max_num,
                can_order=inline.can_order,
                can_delete=True,
                validate_min=True,
                validate_max=True,
            )
        )
        for inline in tool.inlines
    ]


def translate_once(formset_class):
    """Translate the labels, help texts and choices of the row form's fields once for all its
    rows: every row form copies the fields, and each lazy text was translated again in every
    row that shows it (a select of eight choices in each of ten rows). The formset class is
    made for one request, in its language; fields declared on the form class itself are
    shared, so they are copied before they change."""
    form_class = formset_class.form
    for name, field in form_class.base_fields.items():
        if name in form_class.declared_fields:
            field = form_class.base_fields[name] = copy.deepcopy(field)
        if isinstance(field.label, Promise):
            field.label = str(field.label)
        if isinstance(field.help_text, Promise):
            field.help_text = str(field.help_text)
        choices = getattr(field, "choices", None)
        if isinstance(choices, list) and not any(
            isinstance(label, list | tuple) for _value, label in choices
        ):
            field.choices = [(value, str(label)) for value, label in choices]
    return formset_class


def build_forms(tool, *, data=None, files=None, instance=None, owner=None, user=None, initial=None):
    """The sheet form and its row formsets, bound when `data` is given; a new sheet's rows
    start from `tool.initial_rows`, its fields from `initial`."""
    form = sheet_form_class(tool)(
        data=data,
        files=files,
        instance=instance,
        initial=initial,
        **tool.get_form_kwargs(owner=owner, user=user),
    )
    initial = (
        {} if data is not None or form.instance.pk else tool.initial_rows(owner=owner, user=user)
    )
    formsets = []
    for inline, formset_class in zip(tool.inlines, row_formset_classes(tool), strict=True):
        rows = initial.get(formset_class.get_default_prefix(), [])
        formset = formset_class(
            data=data,
            files=files,
            instance=form.instance,
            initial=rows or None,
            queryset=tool.row_queryset(inline).prefetch_related(*inline.prefetch),
            form_kwargs=tool.get_row_form_kwargs(
                inline, owner=owner, user=user, sheet=form.instance
            ),
        )
        formset.extra = max(formset.extra, len(rows))
        formset.rows_per_page = inline.rows_per_page
        formsets.append(formset)
    return form, formsets


def rows_page(formsets, number):
    """The page `number` (from `?page=`) of a saved sheet's edit page. A kind of rows longer
    than its inline's `rows_per_page` is shown a page at a time; the sheet has as many pages
    as its longest kind needs (a Django Page, for the pagination template)."""
    pages = 1
    for formset in formsets:
        formset.row_count = formset.get_queryset().count()
        pages = max(pages, math.ceil(formset.row_count / formset.rows_per_page))
    return Paginator(range(pages), 1).get_page(number)


def paginate_rows(formsets, page):
    """Show `page`'s rows of each kind of rows too long for one page; shorter kinds are shown
    whole on every page. A long kind takes new rows on its last page only (elsewhere the
    page's row count is its maximum, which hides "Add"), and never more than the tool allows
    in all. Bound formsets read every row of the sheet, so only their maximum changes."""
    starts = first_rows(formsets, page)
    for formset in formsets:
        start, size = starts[formset.prefix], formset.rows_per_page
        if formset.row_count <= size:
            continue
        formset.max_num -= start
        if formset.is_bound:
            continue
        formset.window = slice(start, start + size)
        if start + size < formset.row_count:
            formset.extra = 0
            formset.max_num = formset.initial_form_count()


def first_rows(formsets, page):
    """Where `page`'s rows of each kind start among the sheet's rows (see `sheet_save_rows`)."""
    return {
        formset.prefix: (page.number - 1) * formset.rows_per_page
        if formset.row_count > formset.rows_per_page
        else 0
        for formset in formsets
    }


def cleaned_rows(formsets):
    """What the services take from valid formsets: each one's cleaned rows under its prefix."""
    return {formset.prefix: formset.cleaned_data for formset in formsets}


def sheet_post_data(tool, values, *, version=None):
    """POST data for a sheet from `Tool.sample` values (see the registry): sheet
    fields plus a list of row dicts per formset prefix; management forms are added."""
    data = {}
    row_prefixes = [formset.get_default_prefix() for formset in row_formset_classes(tool)]
    for name, value in values.items():
        if name not in row_prefixes:
            _put(data, name, value)
    for prefix in row_prefixes:
        rows = values.get(prefix, [])
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(sum(1 for row in rows if row.get("id")))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for index, row in enumerate(rows):
            for name, value in row.items():
                _put(data, f"{prefix}-{index}-{name}", value)
    if version is not None:
        data["sheet-version"] = str(version)
    return data


def current_values(tool, sheet):
    """The `sample`-shaped values of a saved sheet, rows with their ids: a starting point for
    an edit in tests and benchmarks."""
    form, formsets = build_forms(tool, instance=sheet)
    values = {name: _value(form[name].value()) for name in form.fields}
    for formset in formsets:
        values[formset.prefix] = [
            {name: _value(row[name].value()) for name in row.fields if name != "DELETE"}
            for row in formset.initial_forms
        ]
    return values


def _value(value):
    if hasattr(value, "pk"):
        return value.pk
    return value


def _put(data, name, value):
    if value is None:
        data[name] = ""
    elif value is True:
        data[name] = "on"
    elif value is False:
        return
    elif isinstance(value, list | tuple):
        data[name] = [str(getattr(item, "pk", item)) for item in value]
    else:
        data[name] = str(value)
