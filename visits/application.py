"""What the action plan (tool 10) shows and what the evolution overview and the report draw
from it: each action with its status and latest progress, and what the plan commits of the
partnership's experiment fund."""

from decimal import Decimal


def plan_context(sheet):
    """The partial's context (no request)."""
    actions = list(sheet.actions.prefetch_related("questions", "subquestions__question", "notes"))
    committed = sum(
        (action.budget or Decimal(0) for action in actions if action.status != "dropped"),
        Decimal(0),
    )
    fund = sheet.delegation.partnership.experiment_fund
    return {"actions": actions, "committed": committed, "fund": fund}
