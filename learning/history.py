"""Readable change history of a sheet and its rows, built from django-simple-history.

Each saved record is read as plain values, and compared with the row's previous record to know
whether it changed anything shown; the entry's subject, person and field-level changes are only
worked out when somebody reads them (the history page shows a page of entries at a time)."""

from collections import defaultdict
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learning.tools.base import titled

# Bookkeeping fields that say nothing to a reader.
HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at", "created_by", "programme"}

# What a record says besides the tracked model's fields; the person's name comes with it.
RECORD_FIELDS = (
    "history_id",
    "history_date",
    "history_type",
    "history_change_reason",
    "history_user_id",
    "history_user__username",
    "history_user__first_name",
    "history_user__last_name",
)
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


class FieldChange:
    def __init__(self, label, old, new):
        self.label, self.old, self.new = label, old, new


class Entry:
    """One saved change: of the sheet itself or of one of its rows."""

    def __init__(self, *, source, record, before):
        self.source, self.record, self.before = source, record, before
        self.date = record["history_date"]
        self.action = ACTIONS[record["history_type"]]
        self.version = record.get("version")
        reason = record["history_change_reason"]
        # Notes are stored untranslated (see ToolSheet._set_status).
        self.note = gettext(reason) if reason else ""
        # {(model, pk): name} of the objects its changes point to, read for a page of entries
        # at once (`name_related`); without it each is read when shown.
        self.related_names = None

    @property
    def action_label(self):
        return {"created": _("created"), "changed": _("changed"), "deleted": _("deleted")}[
            self.action
        ]

    @cached_property
    def user(self):
        record = self.record
        if record["history_user_id"] is None:
            return None
        return get_user_model()(
            pk=record["history_user_id"],
            username=record["history_user__username"],
            first_name=record["history_user__first_name"],
            last_name=record["history_user__last_name"],
        )

    @cached_property
    def subject(self):
        """What changed: the tool, or "Factor: text of the row"."""
        return self.source.subject(self.record)

    @cached_property
    def changes(self):
        fields, record, before = self.source.shown_fields, self.record, self.before
        if self.action == "deleted":
            return []
        names = self.related_names
        if before is None:
            values = (
                (field, _display(field, record[field.attname], new=True, names=names))
                for field in fields
            )
            return [FieldChange(_label(field), "", value) for field, value in values if value]
        # Like HistoricalRecord.diff_against, but also for the non-editable status field.
        return [
            FieldChange(
                _label(field),
                _display(field, before[field.attname], names=names),
                _display(field, record[field.attname], new=True, names=names),
            )
            for field in fields
            if before[field.attname] != record[field.attname]
        ]

    @property
    def shown(self):
        """False for a save that changed only bookkeeping fields, without a note."""
        if self.action != "changed" or self.note:
            return True
        record, before = self.record, self.before
        return any(
            before[field.attname] != record[field.attname] for field in self.source.shown_fields
        )


def sheet_history(sheet, *, since=None):
    """Every change of the sheet and of its rows, newest first; from `since` on when given
    (readers who may not read drafts see the history from the first sharing on)."""
    entries = (entry for entry in _entries(sheet) if since is None or entry.date >= since)
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def name_related(entries):
    """Read the names of what the changes of `entries` point to (a sub-question's learning
    question, say) in one query per kind of object, instead of one per change shown."""
    wanted = defaultdict(set)
    for entry in entries:
        record, before = entry.record, entry.before
        if entry.action == "deleted":
            continue
        for field in entry.source.shown_fields:
            # Only what `changes` spells out: every field of a new row, the changed ones else.
            if not field.is_relation or (
                before is not None and before[field.attname] == record[field.attname]
            ):
                continue
            for values in (record, before):
                if values is not None and values[field.attname] is not None:
                    wanted[field.related_model].add(values[field.attname])
    names = {}
    for model, pks in wanted.items():
        for pk, instance in model._default_manager.in_bulk(pks).items():
            names[model, pk] = str(instance)
    for entry in entries:
        entry.related_names = names
    return entries


def changes_since(sheet, version):
    """What changed after the person started from `version`: the conflict page shows it.
    Saves after that version (the sheet, then its rows, in one transaction) and what followed."""
    later = sheet.history.filter(version__gt=version).order_by("history_date").first()
    if later is None:
        return []
    return name_related(
        [entry for entry in sheet_history(sheet) if entry.date >= later.history_date]
    )


def shown_fields(model, *, excluded=()):
    """The fields of `model` whose changes a reader is shown: not the bookkeeping ones
    (HIDDEN_FIELDS), those named in `excluded` (a row's key to its sheet) or the primary key;
    a record that changed none of them, without a note, is not shown."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in HIDDEN_FIELDS
        and field.name not in excluded
        and not field.primary_key
        # A file the program derives from another (a photo's thumbnail) is no change of its
        # own.
        and not (isinstance(field, models.FileField) and not field.editable)
    ]


def row_foreign_key(inline, parent_model):
    """The foreign key of the rows of `inline` to the sheet's model `parent_model` (the one
    named `inline.fk_name` when it is given)."""
    for model_field in inline.model._meta.concrete_fields:
        if not model_field.is_relation or model_field.related_model is not parent_model:
            continue
        if inline.fk_name is None or model_field.name == inline.fk_name:
            return model_field
    raise LookupError(f"{inline.model.__name__} has no foreign key to {parent_model.__name__}")


class _Source:
    """The records of the sheet or of one kind of its rows."""

    def __init__(self, model, records, *, excluded, name=None, title=None):
        self.model, self.records, self.name, self.title = model, records, name, title
        self.fields = model._meta.concrete_fields
        self.shown_fields = shown_fields(model, excluded=excluded)

    def subject(self, record):
        if self.name is None:
            return str(self.title)
        instance = self.model(**{field.attname: record[field.attname] for field in self.fields})
        return titled(capfirst(self.name), instance)

    def entries(self):
        names = (*RECORD_FIELDS, *(field.attname for field in self.fields))
        previous = {}
        for record in self.records.order_by("history_date", "history_id").values(*names):
            key = record[self.model._meta.pk.attname]
            entry = Entry(source=self, record=record, before=previous.get(key))
            previous[key] = record
            if entry.shown:
                yield entry


def _entries(sheet):
    tool = sheet.tool
    yield from _Source(tool.model, sheet.history.all(), excluded=set(), title=tool.title).entries()
    for inline in tool.inlines:
        if not hasattr(inline.model, "history"):
            continue
        fk = row_foreign_key(inline, tool.model)
        yield from _Source(
            inline.model,
            inline.model.history.filter(**{fk.attname: sheet.pk}),
            excluded={fk.name},
            name=inline.model._meta.verbose_name,
        ).entries()
    for model, lookup in tool.part_histories:
        yield from _Source(
            model,
            model.history.filter(**{lookup: sheet.pk}),
            excluded=set(),
            name=model._meta.verbose_name,
        ).entries()


def _label(model_field):
    return capfirst(model_field.verbose_name)


def _display(model_field, value, *, new=False, names=None):
    if value is None or value == "":
        return ""
    # Stored under a generated name ("tools/images/875b….jpg") that means nothing to a reader.
    if isinstance(model_field, models.ImageField):
        return str(_("a new photo") if new else _("the earlier photo"))
    if isinstance(model_field, models.FileField):
        return str(_("a new file") if new else _("the earlier file"))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.get_internal_type() == "BooleanField":
        return str(_("yes") if value else _("no"))
    if model_field.is_relation and names is not None:
        return names.get((model_field.related_model, value), str(value))
    if model_field.is_relation:
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else str(value)
    return str(value)
