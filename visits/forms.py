"""The forms of the site-visit pages: planning a visit with its delegations, a delegation's
members, its withdrawal, and the priorities of the visiting municipality's sub-questions."""

import uuid
from pathlib import PurePath

from django import forms
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from learning.tools.learning_questions import LearningQuestion, SubQuestion, uploads
from partnerships.models import Partnership, User

from . import services
from .models import Action, ActionNote, ActionPlan, Delegation, DelegationMember, SiteVisit
from .tools.action_plan import ACTION_FIELDS, ActionForm


class PartnershipChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj)


class SiteVisitForm(forms.ModelForm):
    """A visit of one programme: its dates, direction and guides, and the partnerships that
    send a delegation. On an existing visit, a partnership left out loses its delegation, unless
    the delegation has a tool filled in (then it is withdrawn from its own page instead)."""

    partnerships = PartnershipChoice(
        label=_("partnerships that send a delegation"),
        queryset=Partnership.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one partnership that sends a delegation.")},
    )

    class Meta:
        model = SiteVisit
        fields = ["start_date", "end_date", "direction", "description", "guides"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "direction": forms.RadioSelect,
            "guides": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, programme, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        self.fields["guides"].queryset = (
            User.objects.filter(
                models.Q(staffed_programmes=programme)
                | models.Q(coached_partnerships__programme=programme)
            )
            .distinct()
            .order_by("first_name", "last_name", "pk")
        )
        # The partnerships the person sees in the programme; others' delegations stay as they
        # are.
        self.fields["partnerships"].queryset = (
            Partnership.objects.visible_to(user)
            .filter(programme=programme)
            .select_related("north", "south")
            .order_by("north__name", "south__name")
        )
        if self.instance.pk:
            self.delegations = {
                delegation.partnership_id: delegation
                for delegation in self.instance.delegations.select_related(
                    "partnership__north", "partnership__south", "activitytable", "termsofreference"
                )
            }
            self.fields["partnerships"].initial = list(self.delegations)
        else:
            self.delegations = {}

    @staticmethod
    def has_sheets(delegation):
        return any(
            getattr(delegation, name, None) is not None
            for name in ("activitytable", "termsofreference")
        )

    def shown_partnerships(self):
        """The partnerships offered, by id, read once."""
        if not hasattr(self, "_shown"):
            self._shown = {p.pk: p for p in self.fields["partnerships"].queryset}
        return self._shown

    def clean_partnerships(self):
        chosen = {partnership.pk for partnership in self.cleaned_data["partnerships"]}
        shown = self.shown_partnerships()
        kept = [
            str(shown[pk])
            for pk, delegation in self.delegations.items()
            if pk in shown and pk not in chosen and self.has_sheets(delegation)
        ]
        if kept:
            raise forms.ValidationError(
                _(
                    "These delegations have a tool filled in and cannot be removed: "
                    "%(names)s. Withdraw them from their page instead."
                ),
                code="has_sheets",
                params={"names": ", ".join(kept)},
            )
        return self.cleaned_data["partnerships"]

    def clean(self):
        cleaned_data = super().clean()
        direction = cleaned_data.get("direction")
        if (
            self.instance.pk
            and direction
            and direction != self.initial.get("direction")
            and any(self.has_sheets(delegation) for delegation in self.delegations.values())
        ):
            self.add_error(
                "direction",
                forms.ValidationError(
                    _(
                        "A delegation of this visit has a tool filled in for its visiting and "
                        "host municipalities: the direction can no longer change."
                    ),
                    code="direction_fixed",
                ),
            )
        return cleaned_data

    def save(self, commit=True):
        """The visit and its delegations, in one transaction (the form is always saved)."""
        data = self.cleaned_data
        with transaction.atomic():
            if self.instance.pk is not None:
                visit = super().save()
                self.sync_delegations(visit, data["partnerships"])
                return visit
            visit = services.plan_visit(
                programme=self.instance.programme,
                direction=data["direction"],
                start_date=data["start_date"],
                end_date=data["end_date"],
                description=data["description"],
                partnerships=data["partnerships"],
            )
            visit.guides.set(data["guides"])
        self.instance = visit
        return visit

    def sync_delegations(self, visit, chosen):
        """A delegation for each chosen partnership, none for one left out (among those shown);
        a changed direction swaps the visitor and host of those that stay."""
        shown = self.shown_partnerships()
        chosen_ids = {partnership.pk for partnership in chosen}
        for pk, delegation in self.delegations.items():
            if pk in shown and pk not in chosen_ids:
                delegation.delete()
            elif delegation.visitor_id != visit.visitor_of(delegation.partnership).pk:
                delegation.visit = visit
                delegation.save()
        for partnership in chosen:
            if partnership.pk not in self.delegations:
                Delegation.objects.create(visit=visit, partnership=partnership)


class DelegationMemberForm(forms.ModelForm):
    class Meta:
        model = DelegationMember
        fields = ["name", "position", "profile", "languages"]


DelegationMemberFormSet = forms.inlineformset_factory(
    Delegation,
    DelegationMember,
    form=DelegationMemberForm,
    extra=1,
    max_num=40,
    validate_max=True,
)


class WithdrawalForm(forms.Form):
    """When and why the delegation will not travel; both are required."""

    withdrawn_on = forms.DateField(
        label=Delegation._meta.get_field("withdrawn_on").verbose_name,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Give the date the delegation was withdrawn.")},
    )
    withdrawal_reason = forms.CharField(
        label=Delegation._meta.get_field("withdrawal_reason").verbose_name,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the delegation will not travel.")},
    )


class PriorityForm(forms.ModelForm):
    class Meta:
        model = SubQuestion
        fields = ["priority"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["priority"]
        field.choices = [("", _("No priority")), *SubQuestion.Priority.choices]
        field.label = _("priority")


PriorityFormSet = forms.modelformset_factory(
    SubQuestion, form=PriorityForm, extra=0, edit_only=True
)


# Following the action plan (tool 10).


class ActionStatusForm(forms.Form):
    """An action's status; suspended or dropped, with why (checked again by the service)."""

    status = forms.ChoiceField(label=_("status"), choices=Action.Status.choices)
    status_reason = forms.CharField(
        label=_("why"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the action is suspended or dropped."),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") in Action.NEEDS_REASON
            and not cleaned.get("status_reason", "").strip()
        ):
            self.add_error(
                "status_reason",
                forms.ValidationError(
                    _("Say why the action is suspended or dropped."), code="no_reason"
                ),
            )
        return cleaned


EVIDENCE_EXTENSIONS = {
    extension
    for extension, (kind, _type, _check) in uploads.ACCEPTED.items()
    if kind == uploads.Attachment.Kind.DOCUMENT
} | uploads.IMAGE_EXTENSIONS
EVIDENCE_ACCEPT = ",".join(sorted(EVIDENCE_EXTENSIONS))


def check_evidence(upload):
    """A photo (re-encoded without its metadata) or a document (PDF, DOCX, XLSX, ODT), checked
    for size and content like a response's attachments, stored under a random name."""
    name = PurePath(upload.name).name
    extension = PurePath(name).suffix.lower()
    if extension not in EVIDENCE_EXTENSIONS:
        raise forms.ValidationError(
            _(
                "“%(name)s” cannot be added as evidence. Send a photo (JPEG, PNG, WebP) or a "
                "document (PDF, DOCX, XLSX, ODT)."
            ),
            code="file_type",
            params={"name": name},
        )
    _kind, _content_type, stored = uploads.check_attachment(upload)
    stored.name = f"{uuid.uuid4().hex}{PurePath(stored.name).suffix.lower()}"
    return stored


class ActionNoteForm(forms.ModelForm):
    """Progress on an action, with a link, a photo or a document as evidence."""

    class Meta:
        model = ActionNote
        fields = ["date", "text", "link", "file"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = EVIDENCE_ACCEPT

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or upload == self.instance.file:
            return upload
        return check_evidence(upload)


class NewActionForm(ActionForm):
    """An action added to a delegation's action plan from its page (or from a journal's
    applicable learning, whose text comes prefilled)."""

    class Meta:
        model = Action
        fields = ACTION_FIELDS
        widgets = {"action": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, delegation, **kwargs):
        super().__init__(*args, sheet=ActionPlan(delegation=delegation), **kwargs)


class QuestionFromActionForm(forms.Form):
    """A new learning question, or a sharper wording of one the action applies."""

    text = forms.CharField(
        label=_("learning question"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write the learning question.")},
    )
    replaces = forms.ModelChoiceField(
        label=_("sharpens"),
        queryset=LearningQuestion.objects.none(),
        required=False,
        empty_label=_("A new question"),
        help_text=_("A question the action applies, of which this is a new wording."),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replaces"].queryset = questions
