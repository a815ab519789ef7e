"""Writes of the tool framework: a sheet and its rows in one transaction, status changes with
their side effects, comments."""

from django.db import IntegrityError, transaction

from . import notifications
from .locking import claim
from .models import Comment, SheetScope


def sheet_create(*, tool, owner, programme, user, values, rows=None, co_owners=()):
    """Save a new sheet owned by `owner` (and any co-owners) in `programme`, with its rows.

    `values` are the sheet's cleaned field values; `rows` maps each inline's formset prefix to
    a list of cleaned row values (see `sheet_save_rows`). The pages pass what their forms
    cleaned; the demo data, imports and tests pass plain values the same way. For a tool with
    one sheet per owner, IntegrityError when an owner already has one in the programme."""
    programme, owners = tool.sheet_scope(
        values, owner=owner, co_owners=co_owners, programme=programme
    )
    with transaction.atomic():
        sheet = tool.model(programme=programme, created_by=user)
        _assign(sheet, values)
        sheet._history_user = user
        sheet.save()
        sheet.owners.set(owners)
        _assign(sheet, values, many_to_many=True)
        sheet_scope_claim(sheet=sheet)
        sheet_save_rows(tool=tool, sheet=sheet, rows=rows or {}, user=user)
    return sheet


def sheet_scope_claim(*, sheet):
    """Record a sheet of a one-per-owner tool as its owners' one sheet in its programme. The
    database refuses a second one with an IntegrityError, also when two people create it at
    the same moment; call it inside the transaction that creates the sheet."""
    if sheet.tool.many_per_owner:
        return
    SheetScope.objects.bulk_create(
        SheetScope(sheet=sheet, owner=owner, programme_id=sheet.programme_id)
        for owner in sheet.owners.all()
    )


def sheet_update(*, sheet, user, version, values, rows=None, first_rows=None):
    """Save the edit if nobody saved the sheet since `version`; raise Conflict otherwise.
    The version goes up by one; the status stays what it is, but for the workflow's
    `after_edit` (a reviewed sheet becomes "changed since review"). `first_rows`: where the
    given rows of each prefix start among the sheet's rows, when a page of a long sheet's
    rows is saved."""
    model = type(sheet)
    with transaction.atomic():
        claim(sheet, version)
        status = model.objects.values_list("status", flat=True).get(pk=sheet.pk)
        _assign(sheet, values)
        sheet.status = sheet.workflow.after_edit.get(status, status)
        sheet._history_user = user
        sheet.save()
        _assign(sheet, values, many_to_many=True)
        sheet_save_rows(
            tool=sheet.tool, sheet=sheet, rows=rows or {}, user=user, first_rows=first_rows
        )
    return sheet


def sheet_save_rows(*, tool, sheet, rows, user, first_rows=None):
    """Save the rows of each inline: `rows[prefix]` lists cleaned row values, in order. A row
    with `id` (the row itself, of this sheet and among those the tool lets the page edit,
    `Tool.row_queryset`) changes it, or removes it with `DELETE`; one without adds a row; an
    empty one is skipped. Rows keep their place in the list, counted
    from `first_rows[prefix]` (0 by default), when the model has an `order` the form does not
    ask for. The tool's hooks see every row saved."""
    for inline in tool.inlines:
        fk = _foreign_key(inline.model, type(sheet), inline.fk_name)
        keeps_order = _has_field(inline.model, "order") and "order" not in inline.fields
        prefix = fk.remote_field.related_name
        start = (first_rows or {}).get(prefix, 0)
        editable = _editable_rows(tool, inline, fk, sheet, rows.get(prefix, []))
        for position, values in enumerate(rows.get(prefix, []), start=start):
            if not values:
                continue  # an extra row left empty
            row = values.get("id") or inline.model()
            if row.pk and row.pk not in editable:
                continue  # another sheet's row, or one the tool keeps: not this page's to change
            if values.get("DELETE"):
                if row.pk:
                    row._history_user = user
                    row.delete()
                continue
            before = _snapshot(row)
            _assign(row, values)
            # After the values: a form's own copy of the foreign key is the unsaved sheet.
            setattr(row, fk.name, sheet)
            if keeps_order:
                row.order = position
            tool.prepare_row(inline, row, values)
            if row.pk is None or _snapshot(row) != before:
                row._history_user = user
                row.save()
            _assign(row, values, many_to_many=True)
            tool.save_row(inline, row, values)


def _editable_rows(tool, inline, fk, sheet, rows):
    """The ids among the given saved rows that belong to the sheet and that the tool lets its
    edit page change."""
    ids = [values["id"].pk for values in rows if values and values.get("id")]
    if not ids:
        return set()
    editable = tool.row_queryset(inline).filter(**{fk.attname: sheet.pk, "pk__in": ids})
    return set(editable.values_list("pk", flat=True))


def _snapshot(instance):
    return [field.value_from_object(instance) for field in instance._meta.concrete_fields]


def _assign(instance, values, *, many_to_many=False):
    """Set the model fields named in `values` as a ModelForm would (files included)."""
    opts = instance._meta
    fields = opts.many_to_many if many_to_many else opts.concrete_fields
    for model_field in fields:
        if model_field.editable and not model_field.primary_key and model_field.name in values:
            model_field.save_form_data(instance, values[model_field.name])


def _foreign_key(model, parent, fk_name):
    for model_field in model._meta.concrete_fields:
        if (
            model_field.is_relation
            and model_field.related_model is parent
            and (fk_name is None or model_field.name == fk_name)
        ):
            return model_field
    raise LookupError(f"{model.__name__} has no foreign key to {parent.__name__}")


def _has_field(model, name):
    return any(model_field.name == name for model_field in model._meta.fields)


def _locked(sheet):
    return type(sheet).objects.select_for_update().get(pk=sheet.pk)


def sheet_transition(*, sheet, name, user, reason=""):
    """Move the sheet along its workflow's transition `name` (learning/workflows.py); a
    required reason becomes a comment in the sheet's thread. A ValidationError says why not."""
    with transaction.atomic():
        sheet = _locked(sheet)
        transition = sheet.transition(name, by=user, reason=reason)
        if transition.reason:
            comment_create(
                sheet=sheet, user=user, text=reason, is_return_reason=True, announce=False
            )
        notifications.sheet_moved(sheet, transition, actor=user)
    return sheet


def comment_create(
    *, sheet, user, text, submission_key=None, is_return_reason=False, announce=True
):
    """Add a comment to the sheet's thread, and tell its owners and consultants (unless
    `announce` is false: a transition's reason is announced with the transition); a repeated
    post of the same form finds the first. `is_return_reason`: the reason for returning the
    sheet for changes."""

    def create(key):
        comment = Comment.objects.create(
            sheet=sheet,
            author=user,
            text=text,
            submission_key=key,
            is_return_reason=is_return_reason,
        )
        if announce:
            notifications.sheet_commented(sheet, comment)
        return comment

    return submitted_once(
        Comment, user=user, key=submission_key, content={"text": text}, create=create
    )


def submitted_once(model, *, user, key, content, create):
    """`create(key)`, unless this user's form with this submission key (see
    `learning.forms.submission_key_field`) was saved already with the same `content` (field
    values): then what it saved. Two posts of the same form at the same moment save once too,
    as the model's unique constraint on author and key refuses the second. The same key with
    other content (a page the browser brought back) is a new post, saved without a key."""
    if key is not None:
        earlier = model.objects.filter(author=user, submission_key=key).first()
        if earlier is None:
            try:
                with transaction.atomic():
                    return create(key)
            except IntegrityError:
                earlier = model.objects.get(author=user, submission_key=key)
        if all(getattr(earlier, name) == value for name, value in content.items()):
            return earlier
    return create(None)
