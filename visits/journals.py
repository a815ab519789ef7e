"""The learning journals (tools 8 and 9) between their sheet pages: what tool 9's partial and its
day pages show, and the writes that save one journal row, one score, one note or one answer of
a day at a time, so a dropped connection loses at most what is being typed."""

from collections import defaultdict

from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from partnerships.access import Access

from .charts import objective_label, progress_chart
from .models import (
    DailyScore,
    DayObjectiveNote,
    JournalByActivity,
    JournalByObjective,
    JournalDay,
)


def journal_context(sheet):
    """The partial's context (no request: the report renders it in a task)."""
    days = sheet.field_days()
    objectives = list(
        sheet.objectives.select_related("question").prefetch_related(
            "subquestions__question", "scores"
        )
    )
    by_question = defaultdict(list)
    for objective in objectives:
        scores = {score.date: score.score for score in objective.scores.all()}
        objective.daily = [scores.get(day) for day in days]
        objective.daily_pairs = list(zip(days, objective.daily, strict=True))
        objective.label = objective_label(objective)
        by_question[objective.question].append(objective)
    pages = {
        page.date: page
        for page in sheet.days.select_related("written_by").prefetch_related("notes")
    }
    context = {
        "field_days": days,
        "objectives": objectives,
        "questions": list(by_question.items()),
        "pages": [
            (number, day, pages.get(day), day_notes(objectives, pages.get(day)))
            for number, day in enumerate(days, start=1)
        ],
    }
    context["chart"] = progress_chart(sheet, context)
    return context


def day_notes(objectives, page):
    """`[(objective, its note's text), ...]` of one day's page (None: no page yet)."""
    notes = {note.objective_id: note.text for note in page.notes.all()} if page else {}
    return [(objective, notes.get(objective.pk, "")) for objective in objectives]


def day_context(sheet, date):
    """What the day page of tool 9 shows: each objective with its score and note of `date`,
    and the day's page (unsaved when nothing was written yet)."""
    page = sheet.days.filter(date=date).first() or JournalDay(sheet=sheet, date=date)
    objectives = list(
        sheet.objectives.select_related("question").prefetch_related("subquestions__question")
    )
    scores = dict(
        sheet.objectives.filter(scores__date=date).values_list("pk", "scores__score").order_by()
    )
    notes = {}
    if page.pk:
        notes = dict(page.notes.values_list("objective", "text").order_by())
    for objective in objectives:
        objective.today_score = scores.get(objective.pk)
        objective.today_note = notes.get(objective.pk, "")
    days = sheet.field_days()
    position = days.index(date)
    return {
        "page": page,
        "objectives": objectives,
        "field_days": days,
        "day_number": position + 1,
        "previous_day": days[position - 1] if position > 0 else None,
        "next_day": days[position + 1] if position + 1 < len(days) else None,
    }


def delegation_journals(delegation, user):
    """What the delegation's page offers of tools 8 and 9: `[(tool, sheet the user reads or
    None, whether the user may start it), ...]`."""
    cells = []
    for model in (JournalByActivity, JournalByObjective):
        readable = Exists(model.objects.visible_to(user).filter(pk=OuterRef("pk")))
        sheet = model.objects.filter(delegation=delegation).annotate(readable=readable).first()
        if sheet is not None:
            # One the user may not read is neither shown nor offered again.
            cells.append((model.tool, sheet if sheet.readable else None, False))
            continue
        can_start = not delegation.is_withdrawn and user.has_perm(
            "learning.create_sheet", delegation.visitor
        )
        cells.append((model.tool, None, can_start))
    return cells


def is_guide(user, delegation):
    """Whether `user` writes as a guide (the consultant, programme staff), not as a member of
    the visiting municipality."""
    return delegation.visitor_id not in Access.of(user).member_of


def touch(sheet, *, new_version):
    """A row of `sheet` was saved on its own: the sheet is updated (a reviewed sheet becomes
    "changed since review"). `new_version`: also take the next version, so an edit page of
    the whole sheet opened before this save answers with the conflict page instead of
    writing its older copy of the row over it."""
    model = type(sheet)
    status = model.objects.values_list("status", flat=True).get(pk=sheet.pk)
    changes = {
        "updated_at": timezone.now(),
        "status": sheet.workflow.after_edit.get(status, status),
    }
    if new_version:
        changes["version"] = F("version") + 1
    model.objects.filter(pk=sheet.pk).update(**changes)


def entry_save(*, entry, user, values):
    """Save one row of tool 8 (a new one, added during the visit, when unsaved)."""
    with transaction.atomic():
        for name, value in values.items():
            setattr(entry, name, value)
        entry.written_by = user
        entry._history_user = user
        entry.save()
        touch(entry.sheet, new_version=True)
    return entry


def day_page(sheet, date, user):
    """The day's page of tool 9, created when first written; its writer recorded."""
    page, _created = JournalDay.objects.select_for_update().get_or_create(sheet=sheet, date=date)
    page.written_by = user
    page.with_guide = page.with_guide or is_guide(user, sheet.delegation)
    page._history_user = user
    return page


def day_answer_save(*, sheet, date, user, values):
    """Save one or more of a day's four questions."""
    with transaction.atomic():
        page = day_page(sheet, date, user)
        for name, value in values.items():
            setattr(page, name, value)
        page.save()
        touch(sheet, new_version=False)
    return page


def day_note_save(*, sheet, date, user, objective, text):
    """Save what was learned and what inspired, for one objective on one day."""
    with transaction.atomic():
        page = day_page(sheet, date, user)
        page.save()
        note = DayObjectiveNote.objects.filter(day=page, objective=objective).first()
        note = note or DayObjectiveNote(day=page, objective=objective)
        note.text = text
        note._history_user = user
        note.save()
        touch(sheet, new_version=False)
    return note


def daily_score_set(*, sheet, date, user, objective, score):
    """An objective's score (0-3) on one field day; one tap sets or changes it."""
    with transaction.atomic():
        # The history's author comes from the request (HistoryRequestMiddleware).
        daily, _created = DailyScore.objects.update_or_create(
            objective=objective, date=date, defaults={"score": score, "written_by": user}
        )
        touch(sheet, new_version=False)
    return daily
