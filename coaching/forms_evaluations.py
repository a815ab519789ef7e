"""The forms of the interim evaluations and the methodology log: a round's dates, one
participant's answer, an adjustment with what prompted it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.models import LocalGovernment

from .models import EvaluationAnswer, EvaluationRound, Meeting, MethodologyAdjustment

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# A phone's keyboard covers half the screen: a few lines each, growing as one types.
SHORT_TEXT = forms.Textarea(attrs={"rows": 4})


class EvaluationRoundForm(forms.ModelForm):
    """A round of one programme; the model checks that it closes after it opens."""

    class Meta:
        model = EvaluationRound
        fields = ["title", "opens_on", "closes_on"]
        widgets = {"opens_on": DATE, "closes_on": DATE}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme


class EvaluationAnswerForm(forms.ModelForm):
    """One participant's answer to a round, in the language of the page. A member of several of
    the programme's municipalities says for which one they answer; a consultant answers for
    none."""

    class Meta:
        model = EvaluationAnswer
        fields = ["local_government", "worked", "did_not_work", "improve"]
        widgets = {"worked": SHORT_TEXT, "did_not_work": SHORT_TEXT, "improve": SHORT_TEXT}
        labels = {"local_government": _("I answer for")}

    def __init__(self, *args, local_governments, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        choices = LocalGovernment.objects.filter(pk__in=local_governments).order_by("name")
        field = self.fields["local_government"]
        if len(local_governments) > 1:
            field.queryset, field.required, field.empty_label = choices, True, None
        else:
            del self.fields["local_government"]
            self.instance.local_government = choices.first()

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name, "").strip() for name in ("worked", "did_not_work", "improve")):
            raise ValidationError(
                _("Say at least what worked, what did not or what should improve."), code="empty"
            )
        return cleaned

    def save(self, commit=True):
        self.instance.language = self.language
        return super().save(commit)


class MethodologyAdjustmentForm(forms.ModelForm):
    """An adjustment of one programme, prompted by one of its rounds or meetings the person
    reads; the model checks that they are the programme's."""

    class Meta:
        model = MethodologyAdjustment
        fields = ["date", "decision", "reason", "prompted_by_round", "prompted_by_meeting"]
        widgets = {"date": DATE, "decision": SHORT_TEXT, "reason": SHORT_TEXT}

    def __init__(self, *args, programme, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        self.user = user
        self.fields["prompted_by_round"].queryset = EvaluationRound.objects.visible_to(user).filter(
            programme=programme
        )
        self.fields["prompted_by_meeting"].queryset = (
            Meeting.objects.visible_to(user)
            .filter(programme=programme)
            .select_related("partnership__north", "partnership__south", "local_government")
        )
        self.fields["prompted_by_meeting"].label_from_instance = meeting_label

    def save(self, commit=True):
        if self.instance.recorded_by_id is None:
            self.instance.recorded_by = self.user
        return super().save(commit)


def meeting_label(meeting):
    """ "2024-10-08 bilateral meeting: Laarne – Ouinhi" """
    who = meeting.partnership or meeting.local_government or ""
    label = f"{timezone.localdate(meeting.starts_at):%Y-%m-%d} {meeting.get_kind_display()}"
    return f"{label}: {meeting.title or who}" if (meeting.title or who) else label
