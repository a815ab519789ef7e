"""Readable change history of a sheet and its rows, built from django-simple-history."""

from dataclasses import dataclass, field

from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Bookkeeping fields that say nothing to a reader.
HIDDEN_FIELDS = {"id", "version", "created_at", "updated_at", "created_by", "programme"}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    """One saved change: of the sheet itself or of one of its rows."""

    date: object
    user: object
    action: str  # "created", "changed" or "deleted"
    subject: str  # what changed: the tool, or "Factor: text of the row"
    version: int | None = None
    note: str = ""
    changes: list = field(default_factory=list)

    @property
    def action_label(self):
        return {"created": _("created"), "changed": _("changed"), "deleted": _("deleted")}[
            self.action
        ]


def sheet_history(sheet, *, since=None):
    """Every change of the sheet and of its rows, newest first; from `since` on when given
    (readers who may not read drafts see the history from the first sharing on)."""
    entries = (entry for entry in _entries(sheet) if since is None or entry.date >= since)
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def changes_since(sheet, version):
    """What changed after the person started from `version`: the conflict page shows it.
    Saves after that version (the sheet, then its rows, in one transaction) and what followed."""
    later = sheet.history.filter(version__gt=version).order_by("history_date").first()
    if later is None:
        return []
    return [entry for entry in sheet_history(sheet) if entry.date >= later.history_date]


def _entries(sheet):
    tool = sheet.tool
    yield from _record_entries(
        sheet.history.select_related("history_user").order_by("history_date", "history_id"),
        subject=lambda record: str(tool.title),
        excluded=set(),
    )
    for inline in tool.inlines:
        if not hasattr(inline.model, "history"):
            continue
        fk = _foreign_key(inline, tool.model)
        records = (
            inline.model.history.filter(**{fk.attname: sheet.pk})
            .select_related("history_user")
            .order_by("history_date", "history_id")
        )
        verbose_name = inline.model._meta.verbose_name
        yield from _record_entries(
            records,
            subject=lambda record, name=verbose_name: f"{capfirst(name)}: {record.instance}",
            excluded={fk.name},
        )


def _record_entries(records, *, subject, excluded):
    previous = {}
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        action = {"+": "created", "~": "changed", "-": "deleted"}[record.history_type]
        entry = Entry(
            date=record.history_date,
            user=record.history_user,
            action=action,
            subject=subject(record),
            version=getattr(record, "version", None),
            # Notes are stored untranslated (see ToolSheet._set_status).
            note=gettext(record.history_change_reason) if record.history_change_reason else "",
        )
        fields = _shown_fields(record, excluded)
        if action == "deleted":
            pass
        elif before is None:
            for model_field in fields:
                value = _display(model_field, getattr(record, model_field.attname))
                if value:
                    entry.changes.append(FieldChange(_label(model_field), "", value))
        else:
            # Like HistoricalRecord.diff_against, but also for the non-editable status field.
            for model_field in fields:
                old = getattr(before, model_field.attname)
                new = getattr(record, model_field.attname)
                if old != new:
                    entry.changes.append(
                        FieldChange(
                            _label(model_field),
                            _display(model_field, old),
                            _display(model_field, new),
                        )
                    )
            if not entry.changes and not entry.note:
                continue
        yield entry


def _shown_fields(record, excluded):
    return [
        model_field
        for model_field in record.instance_type._meta.concrete_fields
        if model_field.name not in HIDDEN_FIELDS
        and model_field.name not in excluded
        and not model_field.primary_key
    ]


def _label(model_field):
    return capfirst(model_field.verbose_name)


def _display(model_field, value):
    if value is None or value == "":
        return ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.get_internal_type() == "BooleanField":
        return str(_("yes") if value else _("no"))
    if model_field.is_relation:
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else str(value)
    return str(value)


def _foreign_key(inline, parent_model):
    for model_field in inline.model._meta.concrete_fields:
        if not model_field.is_relation or model_field.related_model is not parent_model:
            continue
        if inline.fk_name is None or model_field.name == inline.fk_name:
            return model_field
    raise LookupError(f"{inline.model.__name__} has no foreign key to {parent_model.__name__}")
