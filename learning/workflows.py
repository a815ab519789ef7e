"""The status cycle of a sheet, declared as a small table of transitions.

Each tool's model names its `workflow`; the default is `REVIEW`: draft -> shared -> reviewed, or
returned for changes and shared again. Editing a reviewed sheet moves it to "changed since
review": the consultant sees what changed, and the owners can share it again. A later tool
declares its own (the terms of reference: validated by the visitor, signed by the host, frozen,
reopened). The generic view `tools/<slug>/<pk>/<transition>/` runs any of them: it checks the
transition's permission (403), refuses it from another status with its message, and the
history records who moved the sheet, when, and the transition's note.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SHARED = "shared", _("shared with the partner")
    RETURNED = "returned", _("returned for changes")
    REVIEWED = "reviewed", _("reviewed by the consultant")
    CHANGED = "changed", _("changed since review")
    # The terms of reference of a site visit (visits/tools/terms.py).
    VALIDATED = "validated", _("validated by the visiting municipality")
    SIGNED = "signed", _("signed by the host municipality")

    @classmethod
    def shared_values(cls):
        """Statuses in which the partner municipality may read the sheet."""
        return [cls.SHARED, cls.RETURNED, cls.REVIEWED, cls.CHANGED]


@dataclass(frozen=True)
class Transition:
    name: str  # the last part of its URL
    sources: tuple  # the statuses it starts from
    target: str
    permission: str  # a rules permission on the sheet
    label: str  # its button
    done: str  # the message once done
    refused: str  # the message from another status
    note: str  # the history's note, untranslated (shown in the reader's language)
    # A reason is required, and becomes a comment in the sheet's thread.
    reason: bool = False
    style: str = "success"
    # The notification the owners' teams and consultants get, untranslated ("%(actor)s signed
    # the %(tool)s of %(owners)s"); the default workflow's transitions have their own.
    notice: str = ""
    # Asking for the reason, and saying it is missing.
    reason_label: str = _("What should change?")
    reason_missing: str = _("Say what should change before returning the sheet.")

    def allows(self, sheet):
        return sheet.status in self.sources


@dataclass(frozen=True)
class Workflow:
    transitions: tuple
    # The statuses a partner reads in; the statuses in which the sheet may be edited.
    shared: tuple
    editable: tuple
    # Editing a sheet in one of these statuses moves it to the given one.
    after_edit: dict

    def get(self, name):
        """The transition called `name`; KeyError when there is none."""
        for transition in self.transitions:
            if transition.name == name:
                return transition
        raise KeyError(name)

    def available(self, sheet, user):
        """The transitions this user may make now."""
        return [
            transition
            for transition in self.transitions
            if transition.allows(sheet) and user.has_perm(transition.permission, sheet)
        ]

    def apply(self, sheet, name, *, by, reason=""):
        """Move the sheet along `name` (ValidationError from another status or without a
        required reason)."""
        transition = self.get(name)
        if not transition.allows(sheet):
            raise ValidationError(transition.refused, code="status")
        if transition.reason and not reason.strip():
            raise ValidationError({"text": _("Say what should change.")}, code="required")
        sheet.status = transition.target
        sheet._history_user = by
        sheet._change_reason = transition.note
        recorded = sheet.on_transition(transition, by=by)
        sheet.save(update_fields=["status", "updated_at", *recorded])
        return transition


REVIEW = Workflow(
    transitions=(
        Transition(
            name="share",
            sources=(Status.DRAFT, Status.RETURNED, Status.CHANGED),
            target=Status.SHARED,
            permission="learning.share_sheet",
            label=_("Share with the partner"),
            done=_("Shared: your partner municipality and your consultant can read it now."),
            refused=_(
                "Only a draft, a sheet returned for changes or one changed since review can be "
                "shared."
            ),
            note=gettext_noop("Shared with the partner"),
        ),
        Transition(
            name="review",
            sources=(Status.SHARED, Status.CHANGED),
            target=Status.REVIEWED,
            permission="learning.review_sheet",
            label=_("Mark as reviewed"),
            done=_("Marked as reviewed."),
            refused=_("Only a shared sheet can be reviewed."),
            note=gettext_noop("Reviewed by the consultant"),
        ),
        Transition(
            name="return",
            sources=(Status.SHARED, Status.REVIEWED, Status.CHANGED),
            target=Status.RETURNED,
            permission="learning.return_sheet",
            label=_("Return for changes"),
            done=_("Returned for changes; your comment is in the thread."),
            refused=_("Only a shared or reviewed sheet can be returned for changes."),
            note=gettext_noop("Returned for changes"),
            reason=True,
            style="warning",
        ),
    ),
    shared=tuple(Status.shared_values()),
    editable=tuple(Status.values),
    after_edit={Status.REVIEWED: Status.CHANGED},
)
