"""Writes of the tool framework: a sheet and its rows in one transaction, status changes with
their side effects, comments."""

from django.db import IntegrityError, transaction

from partnerships.models import Partnership

from .locking import claim
from .models import Comment


def sheet_programme(*, owner, user):
    """The programme a new sheet of this municipality belongs to: that of its most recent
    running partnership among those the user takes part in (a consultant fills in tools in the
    programme they coach), else of the most recent one; None without a partnership."""
    partnerships = (
        Partnership.objects.visible_to(user).of_local_government(owner).select_related("programme")
    )
    running = [partnership for partnership in partnerships if partnership.is_running]
    candidates = sorted(
        running or partnerships, key=lambda partnership: partnership.programme.start_date
    )
    return candidates[-1].programme if candidates else None


def sheet_create(*, tool, owner, programme, form, formsets, user, co_owners=()):
    """Save a new sheet owned by `owner` (and any co-owners), with its rows. For a tool with
    one sheet per owner, IntegrityError when an owner already has one in the programme."""
    with transaction.atomic():
        sheet = form.save(commit=False)
        sheet.programme = programme
        sheet.created_by = user
        sheet._history_user = user
        sheet.save()
        sheet.owners.set([owner, *co_owners])
        sheet.claim_scope()
        form.save_m2m()
        _save_rows(formsets, sheet, user)
    return sheet


def sheet_update(*, sheet, form, formsets, user, version):
    """Save the edit if nobody saved the sheet since `version`; raise Conflict otherwise.
    The version goes up by one; the status stays what it is, but for the workflow's
    `after_edit` (a reviewed sheet becomes "changed since review")."""
    model = type(sheet)
    with transaction.atomic():
        claim(sheet, version)
        sheet = form.save(commit=False)
        sheet.version = version + 1
        status = model.objects.values_list("status", flat=True).get(pk=sheet.pk)
        # A reviewed sheet edited moves to "changed since review" (the workflow's after_edit).
        sheet.status = sheet.workflow.after_edit.get(status, status)
        sheet._history_user = user
        sheet.save()
        form.save_m2m()
        _save_rows(formsets, sheet, user)
    return sheet


def _save_rows(formsets, sheet, user):
    for formset in formsets:
        formset.instance = sheet
        positions = {id(form.instance): index for index, form in enumerate(formset.forms)}
        rows = formset.save(commit=False)
        keeps_order = _has_field(formset.model, "order") and "order" not in formset.form.base_fields
        for row in rows:
            if keeps_order:
                row.order = positions.get(id(row), 0)
            row._history_user = user
            row.save()
        for row in formset.deleted_objects:
            row._history_user = user
            row.delete()
        formset.save_m2m()


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
            comment_create(sheet=sheet, user=user, text=reason)
    return sheet


def comment_create(*, sheet, user, text, submission_key=None):
    """Add a comment to the sheet's thread; a repeated post of the same form finds the first."""
    return submitted_once(
        Comment,
        user=user,
        key=submission_key,
        content={"text": text},
        create=lambda key: Comment.objects.create(
            sheet=sheet, author=user, text=text, submission_key=key
        ),
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
