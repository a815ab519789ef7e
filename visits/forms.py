"""The forms of the site-visit pages: planning a visit with its delegations, a delegation's
members, its withdrawal, and the priorities of the visiting municipality's sub-questions."""

from django import forms
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from learning.tools.learning_questions import SubQuestion
from partnerships.models import Partnership, User

from . import services
from .models import Delegation, DelegationMember, SiteVisit


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
