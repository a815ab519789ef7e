"""Writes of the site visits: planning a visit with its delegations, withdrawing a delegation,
setting a sub-question's priority from the visit's programme."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from learning.services import sheet_create
from learning.tools.learning_questions import LearningQuestion, LearningQuestionTable
from partnerships.models import Partnership

from .models import ActionNote
from .models.trips import Delegation, SiteVisit
from .tools.action_plan import TOOL, Action, ActionPlan

PRIORITY_SET = gettext_noop("Priority set in the activities and learning questions table")


def plan_visit(*, programme, direction, start_date, end_date, partnerships, description=""):
    """A site visit of `programme` with a delegation for each of `partnerships`."""
    with transaction.atomic():
        visit = SiteVisit(
            programme=programme,
            direction=direction,
            start_date=start_date,
            end_date=end_date,
            description=description,
        )
        visit.full_clean()
        visit.save()
        for partnership in partnerships:
            Delegation.objects.create(visit=visit, partnership=partnership)
    return visit


def withdraw(delegation, *, date, reason, by=None):
    """The delegation will not travel (Lalo's in September 2024); it stays listed with why."""
    delegation.withdrawn_on = date
    delegation.withdrawal_reason = reason
    delegation._history_user = by
    delegation.save(update_fields=["withdrawn_on", "withdrawal_reason"])
    return delegation


def set_priority(subquestion, priority, *, by):
    """The sub-question's one priority, the same in tool 5 and tool 6."""
    subquestion.priority = priority
    subquestion._history_user = by
    subquestion._change_reason = PRIORITY_SET
    subquestion.save(update_fields=["priority"])
    return subquestion


def delegation_for_sample(owner, model):
    """A delegation of `owner` with no sheet of `model` (a site-visit tool): one of an existing
    visit (where `owner` visits, if there is one), or a new visit, on which `owner` visits, of
    a programme of one of its partnerships. For the tools' sample
    input (tests, the permission matrix, the benchmark's data)."""
    taken = model.objects.values("delegation")
    free = Delegation.objects.active().exclude(pk__in=taken).select_related("visit")
    delegation = free.filter(visitor=owner).first()
    if delegation is None and model.tool.owned_by_host:
        delegation = free.of_local_government(owner).first()
    if delegation is not None:
        return delegation
    partnership = Partnership.objects.of_local_government(owner).select_related("programme")
    partnership = partnership.order_by("pk").first()
    programme = partnership.programme
    start = max(programme.start_date, datetime.date(programme.start_date.year, 9, 23))
    if start > programme.end_date:
        start = programme.start_date
    south = partnership.south_id == owner.pk
    visit = SiteVisit.objects.create(
        programme=programme,
        direction=(
            SiteVisit.Direction.SOUTH_TO_NORTH if south else SiteVisit.Direction.NORTH_TO_SOUTH
        ),
        start_date=start,
        end_date=start + datetime.timedelta(days=4),
    )
    return Delegation.objects.create(visit=visit, partnership=partnership)


# Following the action plan (tool 10): an action's status, its progress notes, an action made
# from a journal's applicable learning, and a learning question drawn from what was applied.

ACTION_STATUS_SET = gettext_noop("Status of the action changed")


def set_action_status(*, action, status, by, reason="", date=None):
    """The action's status since `date` (today by default). A suspended or dropped action says
    why ("interrupted by political decisions"); ValidationError otherwise, nothing saved."""
    reason = reason.strip()
    if status in action.NEEDS_REASON and not reason:
        raise ValidationError(
            {"status_reason": _("Say why the action is suspended or dropped.")}, code="no_reason"
        )
    action.status = status
    action.status_reason = reason
    action.status_date = date or timezone.localdate()
    action._history_user = by
    action._change_reason = ACTION_STATUS_SET
    action.save(update_fields=["status", "status_reason", "status_date"])
    return action


def add_action_note(*, action, text, by, date=None, link="", file=None):
    """A dated progress note on `action`, with a link and/or a checked file as evidence."""
    note = ActionNote(
        action=action,
        text=text,
        date=date or timezone.localdate(),
        link=link,
        author=by,
    )
    if file:
        note.file = file
    note._history_user = by
    note.save()
    return note


def action_plan_of(delegation, *, by):
    """The delegation's action plan, created (owned by the visiting municipality) if it has
    none yet."""
    plan = ActionPlan.objects.filter(delegation=delegation).first()
    if plan is None:
        plan = sheet_create(
            tool=TOOL,
            owner=delegation.visitor,
            programme=delegation.visit.programme,
            user=by,
            values={"delegation": delegation},
        )
    return plan


def action_from_text(*, delegation, text, by, values=None):
    """An action of the delegation's action plan (created if need be): a journal's applicable
    learning made an action in one step. `values`: the action's other fields, as a form
    cleaned them (questions and sub-questions as querysets or lists)."""
    values = dict(values or {})
    questions = values.pop("questions", ())
    subquestions = values.pop("subquestions", ())
    with transaction.atomic():
        plan = action_plan_of(delegation, by=by)
        action = Action(sheet=plan, action=text, **values)
        action._history_user = by
        action.full_clean(exclude=["sheet"])
        action.save()
        action.questions.set(questions)
        action.subquestions.set(subquestions)
    return action


def question_table_of(plan):
    """The visiting municipality's learning questions table in the plan's programme: its own
    before a joint one; None if it has none."""
    theirs = LearningQuestionTable.objects.filter(owners=plan.delegation.visitor_id)
    return (
        LearningQuestionTable.objects.filter(
            programme=plan.programme_id, pk__in=theirs.values("pk")
        )
        .annotate(owner_count=Count("owners"))
        .order_by("owner_count", "pk")
        .first()
    )


def question_from_action(*, action, text, by, replaces=None, date=None):
    """A new or sharper learning question born of what was applied, in one step, with the
    trigger APPLICATION and the action as its details, so the lineage says where it came from.

    With `replaces` (a current question the action applies), a new wording of it
    (`LearningQuestion.reformulate`); otherwise a new question at the end of the visiting
    municipality's current table in the plan's programme (its own table before a joint one).
    """
    date = date or timezone.localdate()
    trigger = LearningQuestion.Trigger.APPLICATION
    note = str(action)[:300]
    if replaces is not None:
        return replaces.reformulate(text=text, by=by, date=date, trigger=trigger, trigger_note=note)
    table = question_table_of(action.sheet)
    if table is None:
        raise ValidationError(
            _("The municipality has no learning questions table in this programme yet."),
            code="no_table",
        )
    with transaction.atomic():
        last = table.questions.active().aggregate(last=Max("order"))["last"]
        question = LearningQuestion(
            table=table,
            order=(last or 0) + 1,
            text=text,
            changed_date=date,
            trigger=trigger,
            trigger_note=note,
            created_by=by,
        )
        question._history_user = by
        question.full_clean(exclude=["table", "created_by"])
        question.save()
    return question


def start_journal(delegation, tool, user):
    """A learning journal (tool 8 or 9) of the delegation's visiting municipality: tool 8 with
    a row per activity of the visit's programme (tool 6), tool 9 with no objectives yet. The
    journal is the delegation's one (IntegrityError for a second)."""
    return sheet_create(
        tool=tool,
        owner=delegation.visitor,
        programme=delegation.visit.programme,
        user=user,
        values={"delegation": delegation},
        rows=tool.starting_rows(delegation),
    )
