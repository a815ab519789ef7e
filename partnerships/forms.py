from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership, PartnershipStatusChange


class StatusChangeForm(forms.ModelForm):
    class Meta:
        model = PartnershipStatusChange
        fields = ["status", "date", "reason", "withdrawn_by", "note"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.fields["withdrawn_by"].queryset = self.fields["withdrawn_by"].queryset.filter(
            pk__in=[partnership.north_id, partnership.south_id]
        )


class InvitationForm(forms.Form):
    """Add a person to a local government's team or to a partnership's consultants."""

    email = forms.EmailField(label=_("e-mail address"))
    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)
    position = forms.CharField(label=_("position"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("preferred language"), choices=())

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class MemberInvitationForm(InvitationForm):
    role = forms.ChoiceField(label=_("role"), choices=Membership.Role)
