"""The learning journals' own pages (tools 8 and 9), beside the generic tool pages: starting a
journal from the delegation, writing one row of tool 8, and a day of tool 9 where each score,
note and answer saves on its own.

With htmx, a save answers with a small fragment (the score buttons, or a "saved" line that also
tells app.js to forget the form's draft); a refused one with its message and 400. Without
JavaScript, each form is a plain POST answered with a redirect, or the page again with the
message (400) and what was typed."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from learning.tools.registry import get_tool
from partnerships import freshness

from .. import journals, services
from ..models import Delegation, JournalByActivity, JournalByObjective, JournalEntry
from ..tools.journal_activities import JournalEntryAddForm, JournalEntryWriteForm
from ..tools.journal_objectives import (
    DAY_QUESTIONS,
    DailyScoreForm,
    DayNoteForm,
    day_answer_form,
)

JOURNALS = ("journal-per-activity", "journal-per-objective")


@require_POST
def journal_start(request, pk, slug):
    """Start tool 8 or 9 for the delegation, as its visiting municipality."""
    delegation = get_object_or_404(
        Delegation.objects.visible_to(request.user).select_related("visit", "visitor"), pk=pk
    )
    if slug not in JOURNALS:
        raise Http404("No such journal")
    tool = get_tool(slug)
    if not request.user.has_perm("learning.create_sheet", delegation.visitor):
        raise PermissionDenied
    if delegation.is_withdrawn:
        messages.error(request, _("A withdrawn delegation keeps no journal."))
        return redirect(delegation)
    existing = tool.model.objects.filter(delegation=delegation).first()
    if existing is None:
        try:
            existing = services.start_journal(delegation, tool, request.user)
        except IntegrityError:  # started by someone else a moment ago
            existing = tool.model.objects.get(delegation=delegation)
        else:
            messages.success(request, _("The journal is started."))
    return redirect(existing)


def writable_sheet(request, model, pk):
    """The journal of the URL: 404 unless the user reads it, 403 unless they may write in it."""
    queryset = model.objects.visible_to(request.user).select_related(
        "delegation__visit", "programme"
    )
    sheet = get_object_or_404(queryset, pk=pk)
    if not request.user.has_perm("learning.change_sheet", sheet):
        raise PermissionDenied
    return sheet


def saved_fragment(request, key):
    return render(request, "visits/journals/status.html#saved", {"draft_key": key})


def refused(request, form, template, context):
    """A form that was not valid: its message for htmx, else the page with what was typed."""
    errors = [error for errors in form.errors.values() for error in errors]
    if request.htmx:
        return render(
            request, "visits/journals/status.html#refused", {"errors": errors}, status=400
        )
    messages.error(request, " ".join(errors))
    return render(request, template, {**context, "refused": form}, status=400)


class JournalEntryView(View):
    """Tool 8: one row's outcomes, applicable and missing learning, or (`journal_entry_add`) a
    row for an activity added during the visit."""

    template_name = "visits/journals/entry_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.entry = None
        if "entry" in kwargs:
            visible = JournalByActivity.objects.visible_to(request.user)
            self.entry = get_object_or_404(
                JournalEntry.objects.filter(sheet__in=visible).select_related("activity"),
                pk=kwargs["entry"],
            )
            kwargs["pk"] = self.entry.sheet_id

    def dispatch(self, request, *args, **kwargs):
        pk = self.entry.sheet_id if self.entry else kwargs["pk"]
        self.sheet = writable_sheet(request, JournalByActivity, pk)
        if self.entry is not None:
            self.entry.sheet = self.sheet
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, data=None):
        if self.entry is None:
            return JournalEntryAddForm(data, sheet=self.sheet)
        return JournalEntryWriteForm(data, instance=self.entry)

    def context(self, form):
        return {"sheet": self.sheet, "tool": self.sheet.tool, "entry": self.entry, "form": form}

    def get(self, request, *args, **kwargs):
        return render(request, self.template_name, self.context(self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not form.is_valid():
            return refused(request, form, self.template_name, self.context(form))
        entry = self.entry or JournalEntry(sheet=self.sheet)
        journals.entry_save(entry=entry, user=request.user, values=form.cleaned_data)
        if request.htmx and self.entry is not None:
            return saved_fragment(request, f"journal-entry-{entry.pk}")
        messages.success(request, _("The journal entry is saved."))
        return redirect(f"{self.sheet.get_absolute_url()}#entry-{entry.pk}")


class JournalDayView(View):
    """Tool 9: a field day's page. Each form posts one `part`: "score", "note" or one of the
    four questions."""

    template_name = "visits/journals/day.html"

    def dispatch(self, request, *args, **kwargs):
        self.sheet = writable_sheet(request, JournalByObjective, kwargs["pk"])
        try:
            self.date = datetime.date.fromisoformat(kwargs["date"])
        except ValueError:
            self.date = None
        self.days = self.sheet.field_days()
        return super().dispatch(request, *args, **kwargs)

    def day_url(self):
        return reverse("visits:journal_day", args=[self.sheet.pk, self.date.isoformat()])

    def context(self, refused=None):
        """The day's page; `refused`: a form that was not valid, shown with what was typed."""
        context = journals.day_context(self.sheet, self.date)
        if isinstance(refused, DayNoteForm):
            for objective in context["objectives"]:
                if str(objective.pk) == refused.data.get("objective"):
                    objective.today_note = refused.data.get("text", "")
        return {
            **context,
            "sheet": self.sheet,
            "tool": self.sheet.tool,
            "date": self.date,
            "questions": self.question_forms(context["page"], refused),
        }

    def question_forms(self, page, refused):
        forms = []
        for name in DAY_QUESTIONS:
            if refused is not None and name in refused.fields:
                forms.append(refused)
            else:
                forms.append(day_answer_form(name, instance=page, auto_id=f"id_{name}_%s"))
        return forms

    def get(self, request, *args, **kwargs):
        if self.date not in self.days:
            raise Http404("Not a field day of the visit")
        # The day is read when its page shows it: not while the reader's rendered day is kept
        # (`{% kept %}` in the template), until the data changes.
        names = ("page", "objectives", "field_days", "previous_day", "next_day", "questions")
        context = {
            "sheet": self.sheet,
            "tool": self.sheet.tool,
            "date": self.date,
            "day_number": self.days.index(self.date) + 1,
            **freshness.lazily(self.context, names),
        }
        return render(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        if self.date not in self.days:
            return self.not_a_field_day(request)
        part = request.POST.get("part", "")
        if part == "score":
            return self.save_score(request)
        if part == "note":
            return self.save_note(request)
        if part in DAY_QUESTIONS:
            return self.save_answer(request, part)
        message = _("This form cannot be saved here. Reload the page and try again.")
        return self.refuse(request, message)

    def refuse(self, request, message):
        if request.htmx:
            return render(
                request, "visits/journals/status.html#refused", {"errors": [message]}, status=400
            )
        messages.error(request, message)
        if self.date in self.days:
            return render(request, self.template_name, self.context(), status=400)
        context = {"sheet": self.sheet, "tool": self.sheet.tool, "days": self.days}
        return render(request, "visits/journals/not_a_field_day.html", context, status=400)

    def not_a_field_day(self, request):
        days = ", ".join(day.strftime("%d/%m") for day in self.days)
        return self.refuse(
            request,
            _("Nothing was saved: choose a field day of the visit (%(days)s).") % {"days": days},
        )

    def save_score(self, request):
        form = DailyScoreForm(request.POST, sheet=self.sheet)
        if not form.is_valid():
            errors = [error for errors in form.errors.values() for error in errors]
            return self.refuse(request, " ".join(errors))
        objective = form.cleaned_data["objective"]
        journals.daily_score_set(
            sheet=self.sheet,
            date=self.date,
            user=request.user,
            objective=objective,
            score=form.cleaned_data["score"],
        )
        if request.htmx:
            objective.today_score = form.cleaned_data["score"]
            context = {"sheet": self.sheet, "date": self.date, "objective": objective}
            return render(request, "visits/journals/day.html#score-form", context)
        messages.success(request, _("The score is saved."))
        return redirect(f"{self.day_url()}#objective-{objective.pk}")

    def save_note(self, request):
        form = DayNoteForm(request.POST, sheet=self.sheet)
        if not form.is_valid():
            return refused(request, form, self.template_name, self.context(refused=form))
        objective = form.cleaned_data["objective"]
        journals.day_note_save(
            sheet=self.sheet,
            date=self.date,
            user=request.user,
            objective=objective,
            text=form.cleaned_data["text"],
        )
        key = f"journal-{self.sheet.pk}-{self.date.isoformat()}-note-{objective.pk}"
        if request.htmx:
            return saved_fragment(request, key)
        messages.success(request, _("What you learned is saved."))
        return redirect(f"{self.day_url()}#objective-{objective.pk}")

    def save_answer(self, request, name):
        page = journals.day_context(self.sheet, self.date)["page"]
        form = day_answer_form(name, request.POST, instance=page, auto_id=f"id_{name}_%s")
        if not form.is_valid():
            return refused(request, form, self.template_name, self.context(refused=form))
        journals.day_answer_save(
            sheet=self.sheet,
            date=self.date,
            user=request.user,
            values={name: form.cleaned_data[name]},
        )
        if request.htmx:
            return saved_fragment(
                request, f"journal-{self.sheet.pk}-{self.date.isoformat()}-{name}"
            )
        messages.success(request, _("Your answer is saved."))
        return redirect(f"{self.day_url()}#{name}")
