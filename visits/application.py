"""What the action plan (tool 10) shows and what the evolution overview, the municipality's page
and the report draw from it: each action with its status and latest progress, and what the plan
commits of the partnership's experiment fund."""

from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from learning.tools.learning_questions.application import AppliedItem

from .models import Action, ActionNote, ActionPlan

# The plan's narrative, with the template's headings (FR "Plan d'action pour les partenariats
# ODD"): what comes before the actions table, and the objectives after it.
NARRATIVE = (
    ("involved", _("Civil servants/politicians involved:")),
    ("their_role", _("What are these civil servants/politicians doing?")),
    ("others", _("Other persons/organisations concerned:")),
    ("already_doing", _("What are we already doing?")),
    ("challenges", _("Challenges:")),
    ("inspiration", _("Inspiration, resources:")),
)
OBJECTIVES = (
    ("short_term", _("Short-term objective:")),
    ("medium_term", _("Medium-term objective:")),
    ("long_term", _("Long-term objective:")),
)


def plan_context(sheet):
    """The partial's context (no request). Each action carries its `applied_questions`,
    `applied_subquestions` and `latest_note`, read once for the template."""
    actions = list(sheet.actions.prefetch_related("questions", "subquestions__question", "notes"))
    for action in actions:
        action.applied_questions = list(action.questions.all())
        action.applied_subquestions = list(action.subquestions.all())
        notes = list(action.notes.all())
        action.latest_note = notes[0] if notes else None
    committed = sum(
        (action.budget or Decimal(0) for action in actions if action.status != "dropped"),
        Decimal(0),
    )
    fund = sheet.delegation.partnership.experiment_fund
    over = fund is not None and committed > fund
    return {
        "actions": actions,
        "committed": committed,
        "fund": fund,
        "remaining": None if fund is None else fund - committed,
        "over_fund": over,
        "narrative": [(label, getattr(sheet, name)) for name, label in NARRATIVE],
        "objectives": [(label, getattr(sheet, name)) for name, label in OBJECTIVES],
    }


def action_history(action):
    """The action's status changes, newest first: (when, who, status label, why)."""
    labels = dict(Action.Status.choices)
    records = list(action.history.select_related("history_user").order_by("history_date"))
    changes, previous = [], None
    for record in records:
        if record.status != previous:
            changes.append(
                {
                    "when": record.history_date,
                    "who": record.history_user,
                    "status": labels.get(record.status, record.status),
                    "reason": record.status_reason,
                }
            )
        previous = record.status
    return changes[::-1]


def applied_actions(user, *, programme=None, local_governments=None):
    """The actions of the plans `user` reads, of the visiting municipalities `local_governments`
    (pks), with their latest note's text and date, in one query."""
    latest = ActionNote.objects.filter(action=OuterRef("pk")).order_by("-date", "-pk")
    actions = Action.objects.filter(sheet__in=ActionPlan.objects.visible_to(user))
    if programme is not None:
        actions = actions.filter(sheet__programme=programme)
    if local_governments is not None:
        actions = actions.filter(sheet__delegation__visitor__in=local_governments)
    return (
        actions.annotate(
            latest_text=Subquery(latest.values("text")[:1]),
            latest_date=Subquery(latest.values("date")[:1]),
        )
        .select_related("sheet__delegation__visit")
        .order_by("sheet__delegation__visit__start_date", "sheet", "pk")
    )


def application_source(programme, local_governments, user):
    """The evolution overview's application from the action plans (registered in apps.py)."""
    items = {}
    for action in applied_actions(user, programme=programme, local_governments=local_governments):
        items.setdefault(action.sheet.delegation.visitor_id, []).append(
            AppliedItem(
                text=action.action,
                status=action.get_status_display(),
                date=action.status_date,
                url=reverse("visits:action_detail", kwargs={"pk": action.pk}),
                latest=action.latest_text or action.status_reason,
                latest_date=action.latest_date,
                is_open=action.is_open,
            )
        )
    return items
