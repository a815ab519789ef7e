"""What the visit page and the partnership and municipality pages show of each delegation: its
tool 6 and tool 7 sheets (or the links to start them) and its gaps, for many delegations in a
fixed number of queries."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import F
from django.urls import reverse

from learning.tools.learning_questions import LearningQuestion, SubQuestion

from ..models import Activity, ActivityTable, TermsOfReference

TOOL_MODELS = (ActivityTable, TermsOfReference)


@dataclass
class ToolCell:
    tool: object
    sheet: object = None
    create_url: str = ""


@dataclass
class DelegationRow:
    delegation: object
    tools: list = field(default_factory=list)
    gaps: int = 0

    @property
    def activity_table(self):
        return self.tools[0].sheet


def gap_counts(delegations):
    """{delegation id: how many Must-have sub-questions of its visiting municipality no activity
    of its tool 6 addresses}: `coverage(delegation).gaps`, counted for all at once."""
    if not delegations:
        return {}
    musts = (
        SubQuestion.objects.filter(
            priority=SubQuestion.Priority.MUST,
            question__status=LearningQuestion.Status.ACTIVE,
            question__table__owners__in={d.visitor_id for d in delegations},
            question__table__programme__in={d.visit.programme_id for d in delegations},
        )
        .annotate(owner=F("question__table__owners"), programme=F("question__table__programme"))
        .values_list("pk", "owner", "programme")
        .order_by()
    )
    by_side = {}
    for pk, owner, programme in musts:
        by_side.setdefault((owner, programme), set()).add(pk)
    covered = {}
    links = (
        Activity.subquestions.through.objects.filter(
            activity__sheet__delegation__in=[d.pk for d in delegations]
        )
        .values_list("activity__sheet__delegation", "subquestion")
        .order_by()
    )
    for delegation_id, subquestion_id in links:
        covered.setdefault(delegation_id, set()).add(subquestion_id)
    return {
        d.pk: len(
            by_side.get((d.visitor_id, d.visit.programme_id), set()) - covered.get(d.pk, set())
        )
        for d in delegations
    }


def create_url(tool, delegation, user):
    """The link to start the tool for the delegation, as its visiting municipality (else its
    host) when the user fills in tools for it; "" otherwise."""
    for owner in (delegation.visitor, delegation.host):
        if user.has_perm("learning.create_sheet", owner):
            query = urlencode(
                {"programme": delegation.visit.programme_id, "delegation": delegation.pk}
            )
            return f"{reverse('learning:sheet_create', args=[tool.slug, owner.pk])}?{query}"
    return ""


def delegation_rows(delegations, *, user):
    """A row per delegation (their `visit`, `visitor` and `host` read with them): the sheets
    of tools 6 and 7 the user reads, the links to start those not there yet, the gaps."""
    delegations = list(delegations)
    ids = [delegation.pk for delegation in delegations]
    sheets = {
        model: {
            sheet.delegation_id: sheet
            for sheet in model.objects.visible_to(user).filter(delegation__in=ids)
        }
        for model in TOOL_MODELS
    }
    # Whether a sheet exists at all: one the user may not read is not offered again.
    taken = {
        model: set(
            model.objects.filter(delegation__in=ids).values_list("delegation", flat=True).order_by()
        )
        for model in TOOL_MODELS
    }
    gaps = gap_counts(delegations)
    rows = []
    for delegation in delegations:
        cells = []
        for model in TOOL_MODELS:
            sheet = sheets[model].get(delegation.pk)
            cell = ToolCell(model.tool, sheet)
            if sheet is None and delegation.pk not in taken[model] and not delegation.is_withdrawn:
                cell.create_url = create_url(model.tool, delegation, user)
            cells.append(cell)
        rows.append(DelegationRow(delegation, cells, gaps[delegation.pk]))
    return rows
