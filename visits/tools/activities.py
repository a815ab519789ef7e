"""Tool 6, the site visit's programme against the learning questions ("Tableau : planning croisé
avec questions d'apprentissage et priorités"): per date and time, each activity with the
visiting municipality's sub-questions it addresses, the accompanying person and comments. The
host proposes activities, the visitor links them to its sub-questions and sets their priority
(the same value as in its learning-questions table); a Must-have sub-question that no activity
addresses is a gap (`coverage`)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from learning.forms import RowForm
from learning.tools.base import SheetRow
from learning.tools.learning_questions import SubQuestion
from learning.tools.registry import Inline, register

from ..coverage import coverage, current_subquestions, gap_label
from .base import (
    Checklist,
    DelegationSheet,
    DelegationSheetForm,
    LabelledChoices,
    VisitTool,
    labelled_choices,
    show_choices,
    visit_date_field,
)


class ActivityTable(DelegationSheet):
    remarks = models.TextField(
        _("remarks"),
        blank=True,
        max_length=3000,
        help_text=_("Anything both municipalities should keep in mind for the programme."),
    )

    class Meta(DelegationSheet.Meta):
        verbose_name = _("activities and learning questions table")
        verbose_name_plural = _("activities and learning questions tables")

    def activities_by_date(self):
        """`[(date, [activity, ...]), ...]` in the order of the day."""
        days = {}
        for activity in self.activities.all():
            days.setdefault(activity.date, []).append(activity)
        return sorted(days.items())


class Activity(SheetRow):
    sheet = models.ForeignKey(
        ActivityTable,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("activities and learning questions table"),
    )
    date = models.DateField(_("date"))
    start = models.TimeField(_("from"))
    end = models.TimeField(_("until"), null=True, blank=True)
    activity = models.CharField(_("activity"), max_length=300)
    place = models.CharField(_("place"), max_length=200, blank=True)
    subquestions = models.ManyToManyField(
        SubQuestion,
        blank=True,
        related_name="visit_activities",
        verbose_name=_("learning issue"),
        help_text=_("The visiting municipality's sub-questions this activity addresses."),
    )
    accompanying = models.CharField(_("accompanying person"), max_length=200, blank=True)
    comments = models.TextField(_("comments"), blank=True, max_length=2000)

    class Meta(SheetRow.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["sheet", "date", "start", "pk"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.start:%H:%M} {self.activity}"


class ActivityTableForm(DelegationSheetForm):
    pass


class SubQuestionChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        priority = f" ({obj.priority_label})" if obj.priority else ""
        return f"{obj.question.order}.{obj.order} {obj.text}{priority}"


class ActivityForm(RowForm):
    """An activity of the programme; its sub-questions are the visiting municipality's current
    ones (joint questions included), or their `LabelledChoices`."""

    def __init__(self, *args, sheet=None, subquestions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        if isinstance(subquestions, LabelledChoices):
            self.choice_pks = {pk for pk, _label in subquestions}
        else:
            self.choice_pks = {subquestion.pk for subquestion in subquestions}
        field = self.fields["subquestions"]
        refused = _("Choose among the visiting municipality's current sub-questions.")
        self.fields["subquestions"] = chooser = SubQuestionChoice(
            queryset=SubQuestion.objects.all(),
            required=False,
            label=field.label,
            help_text=field.help_text,
            widget=Checklist,
            error_messages={"invalid_choice": refused, "invalid_pk_value": refused},
        )
        show_choices(chooser, subquestions)
        visit_date_field(self, sheet)
        for name in ("start", "end"):
            self.fields[name].widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

    def clean_subquestions(self):
        chosen = self.cleaned_data["subquestions"]
        if any(subquestion.pk not in self.choice_pks for subquestion in chosen):
            raise forms.ValidationError(
                _("Choose among the visiting municipality's current sub-questions.")
            )
        return chosen

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("An activity ends after it starts."))
        return cleaned


class ActivitiesTool(VisitTool):
    number = 6
    slug = "visit-programme"
    title = _("Activities and learning questions table")
    short_title = _("Visit programme")
    description = _(
        "The site visit's programme crossed with the visiting municipality's learning "
        "questions: for each activity, the sub-questions it answers. It sets the priorities "
        "and shows at once which Must-have sub-questions no activity addresses yet."
    )
    model = ActivityTable
    form = ActivityTableForm
    fields = ("delegation", "remarks")
    inlines = (
        Inline(
            Activity,
            fields=(
                "date",
                "start",
                "end",
                "activity",
                "place",
                "subquestions",
                "accompanying",
                "comments",
            ),
            form=ActivityForm,
            prefetch=("subquestions",),
            extra=1,
            # A visit lasts at most a month; the edit page posts every field of every row.
            max_num=80,
            # Each row lists the visiting municipality's sub-questions: ten rows a page, like
            # the other long sheets (`Inline.rows_per_page`).
            rows_per_page=10,
        ),
    )

    def get_row_form_kwargs(self, inline, *, owner, user, sheet=None):
        return {
            **super().get_row_form_kwargs(inline, owner=owner, user=user, sheet=sheet),
            # The sub-questions alone (`question_choices` reads the questions too).
            "subquestions": labelled_choices(
                SubQuestionChoice,
                current_subquestions(sheet.delegation)
                if sheet is not None and sheet.delegation_id
                else [],
            ),
        }

    partial_names = ("days", "coverage")

    def partial_context(self, sheet):
        activities = sheet.activities.prefetch_related("subquestions__question")
        days = {}
        for activity in activities:
            # The sub-questions it addresses, read once for the template.
            activity.addressed = list(activity.subquestions.all())
            days.setdefault(activity.date, []).append(activity)
        return {
            "days": sorted(days.items()),
            "coverage": coverage(sheet.delegation, activities=list(activities)),
        }

    def transition_warnings(self, sheet, transition):
        if transition.name != "share":
            return []
        gaps = coverage(sheet.delegation).gaps
        if not gaps:
            return []
        return [
            ngettext(
                "No activity addresses %(count)s Must-have sub-question yet: %(list)s.",
                "No activity addresses %(count)s Must-have sub-questions yet: %(list)s.",
                len(gaps),
            )
            % {"count": len(gaps), "list": "; ".join(gap_label(gap) for gap in gaps)}
        ]

    def sample_for(self, delegation):
        return {
            "delegation": delegation.pk,
            "remarks": "Lunch on site each day.",
            "activities": [
                {
                    "date": delegation.visit.start_date.isoformat(),
                    "start": "09:00",
                    "end": "11:00",
                    "activity": "Visit of the weekly market",
                    "place": "Market square",
                    "accompanying": "The market manager",
                    "comments": "Bring rain gear.",
                }
            ],
        }


TOOL = register(ActivitiesTool())
