from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import (
    Country,
    LearningTheme,
    LocalGovernment,
    Membership,
    Partnership,
    PartnershipStatusChange,
    Programme,
    User,
)


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

    # A new account takes the address as its user name, which holds 150 characters.
    email = forms.EmailField(label=_("e-mail address"), max_length=150)
    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)
    position = forms.CharField(label=_("position"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("preferred language"), choices=())

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        # A new account takes the address as its user name; another account may already log in
        # with that name while its e-mail address is a different one.
        if (
            not User.objects.filter(email__iexact=email).exists()
            and User.objects.filter(username__iexact=email).exists()
        ):
            raise ValidationError(
                _(
                    "Another account already logs in with this address as its user name. "
                    "Invite that person by the e-mail address of their account, or ask an "
                    "administrator."
                ),
                code="username_taken",
            )
        return email


class MemberInvitationForm(InvitationForm):
    role = forms.ChoiceField(label=_("role"), choices=Membership.Role)


class PartnershipForm(forms.ModelForm):
    """A new partnership in one of the programmes the person runs."""

    class Meta:
        model = Partnership
        fields = ["programme", "north", "south", "theme", "start_date"]
        widgets = {"start_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        programmes = Programme.objects.all()
        if not user.is_superuser:
            programmes = programmes.filter(staff=user)
        self.fields["programme"].queryset = programmes
        if len(programmes) == 1:
            self.fields["programme"].initial = programmes[0].pk
        # What the person already sees, and municipalities in no partnership yet.
        choosable = LocalGovernment.objects.filter(
            models.Q(pk__in=LocalGovernment.objects.visible_to(user).values("pk"))
            | models.Q(pk__in=LocalGovernment.objects.unattached().values("pk"))
        ).select_related("country")
        self.fields["north"].queryset = choosable.filter(country__region=Country.Region.NORTH)
        self.fields["south"].queryset = choosable.filter(country__region=Country.Region.SOUTH)
        self.fields["theme"].queryset = LearningTheme.objects.filter(programme__in=programmes)

    def clean(self):
        cleaned_data = super().clean()
        theme, programme = cleaned_data.get("theme"), cleaned_data.get("programme")
        if theme and programme and theme.programme_id != programme.pk:
            self.add_error("theme", _("Choose a learning theme of this programme."))
        return cleaned_data


class LocalGovernmentForm(forms.ModelForm):
    class Meta:
        model = LocalGovernment
        fields = ["name", "kind", "country", "umbrella", "population", "website"]

    def clean(self):
        cleaned_data = super().clean()
        umbrella, country = cleaned_data.get("umbrella"), cleaned_data.get("country")
        if umbrella and country and umbrella.country_id != country.pk:
            self.add_error("umbrella", _("Choose an umbrella organisation of this country."))
        return cleaned_data


class SettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("first_name", "last_name", "language", "mail_notifications")
        widgets = {"mail_notifications": forms.RadioSelect}
