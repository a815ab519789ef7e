"""The forms of the meeting and task pages: planning a meeting with its agenda, recording what
happened, setting a task."""

from django import forms
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from learning.tools.learning_questions import LearningQuestion
from partnerships.access import Access
from partnerships.models import LocalGovernment, Partnership, User

from .models import AgendaItem, Meeting, Task

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class QuestionChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.localized_text


class MeetingForm(forms.ModelForm):
    """A meeting of one programme. Its staff and consultants plan any kind, for what they
    coach; a partnership's team records a bilateral it held without the consultant."""

    questions = QuestionChoice(
        label=_("learning questions discussed"),
        queryset=LearningQuestion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "partnership",
            "local_government",
            "title",
            "starts_at",
            "duration",
            "language",
            "place",
            "external_speakers",
            "questions",
            "without_consultant",
            "status",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "starts_at": DATETIME_INPUT,
            "external_speakers": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"starts_at": _("In your time zone.")}

    def __init__(self, *args, programme, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        access = Access.of(user)
        facilitates = access.superuser or programme.pk in access.staff_of
        partnerships = Partnership.objects.visible_to(user).filter(programme=programme)
        if not facilitates:
            coached = Q(pk__in=access.coached_partnerships)
            own = Q(north__in=access.member_of) | Q(south__in=access.member_of)
            partnerships = partnerships.filter(coached | own)
        self.fields["partnership"].queryset = partnerships.select_related(
            "north", "south"
        ).order_by("north__name", "south__name")
        sides = LocalGovernment.objects.filter(
            Q(north_partnerships__in=partnerships) | Q(south_partnerships__in=partnerships)
        )
        if not facilitates:
            sides = sides.filter(pk__in=access.coached.get(programme.pk, ()))
        self.fields["local_government"].queryset = sides.distinct().order_by("name")
        self.fields["questions"].queryset = (
            LearningQuestion.objects.visible_to(user)
            .active()
            .filter(table__programme=programme)
            .order_by("table", "order", "pk")
        )
        if not facilitates and programme.pk not in access.coached:
            # A partner records a bilateral of their own, held without the consultant.
            self.fields["kind"].choices = [(Meeting.Kind.BILATERAL, Meeting.Kind.BILATERAL.label)]
            self.fields["kind"].initial = Meeting.Kind.BILATERAL
            self.initial["without_consultant"] = self.instance.without_consultant = True
            self.fields["without_consultant"].disabled = True
            del self.fields["local_government"]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind != Meeting.Kind.BILATERAL:
            cleaned["partnership"] = None
            cleaned["without_consultant"] = False
        if kind != Meeting.Kind.INDIVIDUAL:
            cleaned["local_government"] = None
        return cleaned


AgendaFormSet = inlineformset_factory(
    Meeting,
    AgendaItem,
    fields=["title", "minutes", "presenter"],
    extra=0,
    can_delete=True,
)


class AttendanceChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.user.get_full_name() or obj.user.username


class RecordForm(forms.Form):
    """What happened: who attended, the minutes and decisions, whether the meeting was held."""

    attended = AttendanceChoice(
        label=_("who attended"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    minutes = forms.CharField(
        label=_("minutes"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    decisions = forms.CharField(
        label=_("decisions"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    held = forms.BooleanField(label=_("the meeting was held"), required=False)

    def __init__(self, *args, meeting, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "attended": [a for a in meeting.attendances.all() if a.attended],
                "minutes": meeting.minutes,
                "decisions": meeting.decisions,
                "held": meeting.status == Meeting.Status.HELD,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["attended"].queryset = meeting.attendances.select_related("user").order_by(
            "user__first_name", "user__last_name", "user__username"
        )
        self.fields["minutes"].max_length = Meeting._meta.get_field("minutes").max_length
        self.fields["decisions"].max_length = Meeting._meta.get_field("decisions").max_length


class TaskForm(forms.ModelForm):
    """A task the meeting sets: for one of its municipalities or one of its participants."""

    class Meta:
        model = Task
        fields = ["title", "owner_local_government", "owner_user", "due_date"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, meeting, sides, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_local_government"].queryset = LocalGovernment.objects.filter(
            pk__in=sides
        ).order_by("name")
        self.fields["owner_user"].queryset = User.objects.filter(
            pk__in=meeting.attendances.values("user")
        ).order_by("first_name", "last_name", "username")

    def clean(self):
        cleaned = super().clean()
        municipality, person = cleaned.get("owner_local_government"), cleaned.get("owner_user")
        if bool(municipality) == bool(person):
            raise forms.ValidationError(
                _("Give the task to a municipality or to a person."), code="owner"
            )
        return cleaned
