"""Tool 9, the learning journal per objective with daily progress (the March 2025 version).

Part A: per learning question of the visiting municipality (joint ones included), up to three
specific learning objectives; objectives 1 and 2 gather the priority sub-questions, objective 3
the other important ones; each objective gets a score for each field day, 0 nothing learned to
3 revelation. Part B: one page per day, per objective what was learned and what inspired, then
four questions. The objectives are the sheet's rows (its edit page); scores and days are saved
one at a time from the day's page (visits/views/journals.py), so a dropped connection loses at
most what is being typed."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from learning.forms import RowForm
from learning.tools.base import SheetRow
from learning.tools.learning_questions import LearningQuestion, SubQuestion
from learning.tools.registry import Inline, register

from ..coverage import current_questions, current_subquestions
from .base import (
    DelegationSheet,
    DelegationSheetForm,
    Picklist,
    VisitTool,
    question_choices,
    row_question_choices,
    show_choices,
)


class JournalByObjective(DelegationSheet):
    class Meta(DelegationSheet.Meta):
        verbose_name = _("learning journal per objective")
        verbose_name_plural = _("learning journals per objective")

    def field_days(self):
        """The days of the visit's programme (the dates of its activities), else every day of
        the visit: the journal's days are the programme's, not a fixed "day 1-4"."""
        table = getattr(self.delegation, "activitytable", None)
        dates = sorted(set(table.activities.values_list("date", flat=True))) if table else []
        return dates or self.delegation.visit.days


class JournalObjective(SheetRow):
    class Number(models.IntegerChoices):
        FIRST = 1, _("Objective 1: priority sub-questions")
        SECOND = 2, _("Objective 2: priority sub-questions")
        OTHER = 3, _("Objective 3: other important learning questions")

    sheet = models.ForeignKey(
        JournalByObjective,
        on_delete=models.CASCADE,
        related_name="objectives",
        verbose_name=_("learning journal per objective"),
    )
    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("learning question"),
    )
    number = models.PositiveSmallIntegerField(_("objective"), choices=Number)
    text = models.CharField(_("specific learning objective"), max_length=500)
    subquestions = models.ManyToManyField(
        SubQuestion,
        blank=True,
        related_name="journal_objectives",
        verbose_name=_("sub-questions"),
    )

    class Meta(SheetRow.Meta):
        verbose_name = _("specific learning objective")
        verbose_name_plural = _("specific learning objectives")
        ordering = ["sheet", "question__order", "question", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "question", "number"], name="one_objective_per_number"
            )
        ]

    def __str__(self):
        return self.text


SCORE_MESSAGE = _("Give a score from 0 (nothing learned) to 3 (a revelation).")


class DailyScore(models.Model):
    """An objective's progress on one field day."""

    class Score(models.IntegerChoices):
        NOTHING = 0, _("0: nothing learned")
        LITTLE = 1, _("1: learned a little")
        PROGRESS = 2, _("2: significant progress")
        REVELATION = 3, _("3: a revelation!")

    objective = models.ForeignKey(
        JournalObjective,
        on_delete=models.CASCADE,
        related_name="scores",
        verbose_name=_("objective"),
    )
    date = models.DateField(_("day"))
    score = models.PositiveSmallIntegerField(
        _("daily progress"),
        choices=Score,
        validators=[MinValueValidator(0, SCORE_MESSAGE), MaxValueValidator(3, SCORE_MESSAGE)],
    )
    written_by = models.ForeignKey(
        "partnerships.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("daily progress")
        verbose_name_plural = _("daily progress")
        ordering = ["objective", "date"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "date"], name="one_score_per_day"),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=3), name="score_from_0_to_3"
            ),
        ]

    def __str__(self):
        return f"{self.objective}: {self.date:%Y-%m-%d} {self.score}"


class JournalDay(models.Model):
    """Part B: one field day's page of the journal."""

    sheet = models.ForeignKey(
        JournalByObjective,
        on_delete=models.CASCADE,
        related_name="days",
        verbose_name=_("learning journal per objective"),
    )
    date = models.DateField(_("day"))
    unexpected = models.TextField(
        _("Did you learn anything unexpected?"), blank=True, max_length=3000
    )
    contributed_most = models.TextField(
        _("What contributed most to your learning today?"), blank=True, max_length=3000
    )
    difficulties = models.TextField(
        _("What difficulties or challenges did you encounter?"), blank=True, max_length=3000
    )
    meaning = models.TextField(
        _(
            "What did you learn, and what does that mean for you and your municipality? Is "
            "there anything that can be applied?"
        ),
        blank=True,
        max_length=3000,
    )
    written_by = models.ForeignKey(
        "partnerships.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    # Filled in by the consultant or the programme's guide with the delegation, as the pilot
    # did on site or over WhatsApp.
    with_guide = models.BooleanField(_("filled in with the guide"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("journal day")
        verbose_name_plural = _("journal days")
        ordering = ["sheet", "date"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "date"], name="one_journal_page_per_day")
        ]

    def __str__(self):
        return f"{self.sheet_id}: {self.date:%Y-%m-%d}"


class DayObjectiveNote(models.Model):
    """On a day's page: what was learned and what inspired, for one objective."""

    day = models.ForeignKey(
        JournalDay, on_delete=models.CASCADE, related_name="notes", verbose_name=_("day")
    )
    objective = models.ForeignKey(
        JournalObjective,
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name=_("objective"),
    )
    text = models.TextField(_("what did you learn, what inspired you"), blank=True, max_length=3000)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("learning of the day")
        verbose_name_plural = _("learning of the day")
        constraints = [
            models.UniqueConstraint(fields=["day", "objective"], name="one_note_per_objective")
        ]

    def __str__(self):
        return self.text


class JournalObjectiveForm(RowForm):
    """An objective of one of the visiting municipality's current questions (shared tables,
    joint ones included), with some of its sub-questions."""

    def __init__(
        self, *args, sheet=None, questions=None, subquestions=None, querysets=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        delegation = sheet.delegation if sheet is not None and sheet.delegation_id else None
        self.fields["subquestions"].widget = Picklist()
        if querysets is not None:
            self.fields["question"].queryset, self.fields["subquestions"].queryset = querysets
        elif delegation is not None:
            self.fields["question"].queryset = current_questions(delegation).order_by(
                "table", "order", "pk"
            )
            self.fields["subquestions"].queryset = current_subquestions(delegation)
        else:
            self.fields["question"].queryset = LearningQuestion.objects.none()
            self.fields["subquestions"].queryset = SubQuestion.objects.none()
        if questions is None or subquestions is None:
            choices = question_choices(sheet)
            questions, subquestions = choices["questions"], choices["subquestions"]
        show_choices(self.fields["question"], questions)
        show_choices(self.fields["subquestions"], subquestions)

    def clean(self):
        cleaned = super().clean()
        question, chosen = cleaned.get("question"), cleaned.get("subquestions") or []
        if question is not None and any(sq.question_id != question.pk for sq in chosen):
            self.add_error(
                "subquestions", _("Choose sub-questions of the objective's learning question.")
            )
        return cleaned


# The four questions at the end of each day's page, in their order.
DAY_QUESTIONS = ("unexpected", "contributed_most", "difficulties", "meaning")


class DailyScoreForm(forms.Form):
    """One tap: an objective's score on the day of the page."""

    objective = forms.ModelChoiceField(
        queryset=JournalObjective.objects.none(),
        error_messages={
            "required": _("Choose one of this journal's objectives."),
            "invalid_choice": _("Choose one of this journal's objectives."),
        },
    )
    score = forms.IntegerField(
        min_value=0,
        max_value=3,
        error_messages={
            "required": SCORE_MESSAGE,
            "invalid": SCORE_MESSAGE,
            "min_value": SCORE_MESSAGE,
            "max_value": SCORE_MESSAGE,
        },
    )

    def __init__(self, *args, sheet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = sheet.objectives.all()


class DayNoteForm(forms.Form):
    """For one objective on the day of the page: what was learned, what inspired."""

    objective = DailyScoreForm.base_fields["objective"]
    text = forms.CharField(
        label=_("What did you learn, what inspired you?"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, sheet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = sheet.objectives.all()


def day_answer_form(name, *args, **kwargs):
    """The form of one of the four questions of a day's page (`name` in DAY_QUESTIONS)."""
    form_class = forms.modelform_factory(
        JournalDay,
        fields=(name,),
        widgets={name: forms.Textarea(attrs={"rows": 3, "class": "form-control mb-1"})},
    )
    return form_class(*args, **kwargs)


class JournalByObjectiveTool(VisitTool):
    number = 9
    slug = "journal-per-objective"
    title = _("Learning journal per objective")
    short_title = _("Journal per objective")
    owned_by_host = False
    partial_per_reader = True  # those who may write it get its links
    description = _(
        "Up to three specific learning objectives per learning question, scored each field "
        "day from 0 (nothing learned) to 3 (a revelation), and a page per day: what was "
        "learned and what inspired, the unexpected, what helped, the difficulties and what "
        "can be applied."
    )
    model = JournalByObjective
    form = DelegationSheetForm
    fields = ("delegation",)
    inlines = (
        Inline(
            JournalObjective,
            fields=("question", "number", "text", "subquestions"),
            form=JournalObjectiveForm,
            prefetch=("subquestions",),
            max_num=30,
        ),
    )

    def starting_rows(self, delegation):
        """A new journal starts without objectives: the delegation writes them."""
        return {}

    def page_context(self, *, request, sheet, owner, printed=False):
        context = super().page_context(request=request, sheet=sheet, owner=owner, printed=printed)
        if sheet is not None and sheet.pk is not None:
            context["can_write"] = not printed and request.user.has_perm(
                "learning.change_sheet", sheet
            )
        return context

    def get_row_form_kwargs(self, inline, *, owner, user, sheet=None):
        return {
            **super().get_row_form_kwargs(inline, owner=owner, user=user, sheet=sheet),
            **row_question_choices(sheet),
        }

    partial_names = ("field_days", "objectives", "questions", "pages", "chart")

    def partial_context(self, sheet):
        from ..journals import journal_context

        return journal_context(sheet)

    def sample_for(self, delegation):
        from ..coverage import current_questions

        question = current_questions(delegation).order_by("order", "pk").first()
        objectives = []
        if question is not None:
            objectives.append(
                {"question": question.pk, "number": 1, "text": "See a market council at work."}
            )
        return {"delegation": delegation.pk, "objectives": objectives}


TOOL = register(JournalByObjectiveTool())
