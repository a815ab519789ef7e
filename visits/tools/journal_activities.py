"""Tool 8, the learning journal per activity (the September 2024 version, "Journal
d'apprentissage"): for each activity of the visit's programme (tool 6), or one added during
the visit, what the delegation learned, what it can apply and what it missed. The visiting
municipality keeps it; each row is saved on its own (visits/views/journals.py), so an evening's
entry over a weak connection loses at most the row being typed."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from learning.forms import RowForm
from learning.tools.base import SheetRow
from learning.tools.registry import Inline, register

from .activities import Activity
from .base import (
    DelegationSheet,
    DelegationSheetForm,
    VisitTool,
    labelled_choices,
    show_choices,
    visit_date_field,
)


class JournalByActivity(DelegationSheet):
    class Meta(DelegationSheet.Meta):
        verbose_name = _("learning journal per activity")
        verbose_name_plural = _("learning journals per activity")


class JournalEntry(SheetRow):
    sheet = models.ForeignKey(
        JournalByActivity,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("learning journal per activity"),
    )
    # The programme's activity it reports on; empty for one added during the visit.
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
        verbose_name=_("activity of the programme"),
    )
    date = models.DateField(_("date"))
    start = models.TimeField(_("time"), null=True, blank=True)
    title = models.CharField(_("activity"), max_length=300)
    outcomes = models.TextField(_("specific learning outcomes"), blank=True, max_length=3000)
    applicable = models.TextField(_("concretely applicable learning"), blank=True, max_length=3000)
    missing = models.TextField(_("missing learning"), blank=True, max_length=3000)
    written_by = models.ForeignKey(
        "partnerships.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("written by"),
    )

    class Meta(SheetRow.Meta):
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["sheet", "date", "start", "pk"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"

    @property
    def is_filled(self):
        return bool(self.outcomes or self.applicable or self.missing)


def programme_activities(sheet):
    """The activities of the delegation's programme (tool 6) an entry may report on; none
    before the delegation is chosen."""
    if sheet is not None and sheet.delegation_id:
        return Activity.objects.filter(sheet__delegation=sheet.delegation_id)
    return Activity.objects.none()


def activity_choices(sheet):
    """`programme_activities`, read once for all the rows."""
    return list(programme_activities(sheet))


class JournalEntryForm(RowForm):
    """`activities`: the choices (objects or `LabelledChoices`), `checked_by` the queryset that
    checks them, when the caller has them for all the rows."""

    def __init__(self, *args, sheet=None, activities=None, checked_by=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        if "date" in self.fields:
            visit_date_field(self, sheet)
        if "activity" in self.fields:
            field = self.fields["activity"]
            field.queryset = programme_activities(sheet) if checked_by is None else checked_by
            show_choices(field, activity_choices(sheet) if activities is None else activities)


class JournalEntryWriteForm(forms.ModelForm):
    """One row's three columns, saved on its own (visits/views/journals.py)."""

    class Meta:
        model = JournalEntry
        fields = ("outcomes", "applicable", "missing")
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}


class JournalEntryAddForm(JournalEntryWriteForm):
    """A row for an activity added during the visit: its day (one of the visit's), time and
    title, and what was learned."""

    class Meta(JournalEntryWriteForm.Meta):
        fields = ("date", "start", "title", "outcomes", "applicable", "missing")
        widgets = {
            "start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            **JournalEntryWriteForm.Meta.widgets,
        }

    def __init__(self, *args, sheet, **kwargs):
        super().__init__(*args, **kwargs)
        visit_date_field(self, sheet)


class JournalByActivityTool(VisitTool):
    number = 8
    slug = "journal-per-activity"
    title = _("Learning journal per activity")
    short_title = _("Journal per activity")
    owned_by_host = False
    partial_per_reader = True  # those who may write it get its links
    description = _(
        "Each evening of the visit, for each activity: the specific learning outcomes, what "
        "can concretely be applied, and what was missing. Its rows come from the visit's "
        "programme; activities added during the visit can be added too."
    )
    model = JournalByActivity
    form = DelegationSheetForm
    fields = ("delegation",)
    inlines = (
        Inline(
            JournalEntry,
            fields=("activity", "date", "start", "title", "outcomes", "applicable", "missing"),
            form=JournalEntryForm,
            max_num=80,
            rows_per_page=10,
        ),
    )

    def starting_rows(self, delegation):
        """A new journal's rows: one per activity of the visit's programme (tool 6)."""
        activities = Activity.objects.filter(sheet__delegation=delegation).order_by(
            "date", "start", "pk"
        )
        return {
            "entries": [
                {"activity": a, "date": a.date, "start": a.start, "title": a.activity}
                for a in activities
            ]
        }

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
            "activities": labelled_choices(forms.ModelChoiceField, activity_choices(sheet)),
            "checked_by": programme_activities(sheet),
        }

    partial_names = ("days",)

    def partial_context(self, sheet):
        entries = (
            sheet.entries.select_related("activity")
            .prefetch_related("activity__subquestions__question")
            .select_related("written_by")
        )
        days = {}
        for entry in entries:
            # The sub-questions its activity addresses, read once for the template.
            entry.addressed = list(entry.activity.subquestions.all()) if entry.activity else []
            days.setdefault(entry.date, []).append(entry)
        return {"days": sorted(days.items())}

    def sample_for(self, delegation):
        return {
            "delegation": delegation.pk,
            "entries": [
                {
                    "date": delegation.visit.start_date.isoformat(),
                    "start": "09:00",
                    "title": "Visit of the weekly market",
                    "outcomes": "The market council meets monthly.",
                    "applicable": "A council of market vendors.",
                    "missing": "Its budget.",
                }
            ],
        }


TOOL = register(JournalByActivityTool())
