"""What the visit page and the partnership and municipality pages show of each delegation: its
tool 6 and tool 7 sheets (or the links to start them) and its gaps, for many delegations in a
fixed number of queries."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef
from django.urls import reverse

from ..coverage import with_gap_counts
from ..models import ActivityTable, Delegation, TermsOfReference

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


def delegation_facts(delegations):
    """{delegation id: (its number of Must-have gaps as `coverage.with_gap_counts` counts them,
    the tools of TOOL_MODELS it has a sheet of, readable or not)}, in one query."""
    if not delegations:
        return {}
    taken = {
        f"has_{model._meta.model_name}": Exists(model.objects.filter(delegation=OuterRef("pk")))
        for model in TOOL_MODELS
    }
    annotated = with_gap_counts(
        Delegation.objects.filter(pk__in=[d.pk for d in delegations])
    ).annotate(**taken)
    return {
        values["pk"]: (
            values["gap_count"],
            {model for model in TOOL_MODELS if values[f"has_{model._meta.model_name}"]},
        )
        for values in annotated.order_by().values("pk", "gap_count", *taken)
    }


def gap_counts(delegations):
    """{delegation id: its number of Must-have gaps} (`coverage.with_gap_counts`), in one
    query."""
    return {pk: gaps for pk, (gaps, _taken) in delegation_facts(delegations).items()}


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
    facts = delegation_facts(delegations)
    rows = []
    for delegation in delegations:
        gaps, taken = facts[delegation.pk]
        cells = []
        for model in TOOL_MODELS:
            sheet = sheets[model].get(delegation.pk)
            cell = ToolCell(model.tool, sheet)
            if sheet is None and model not in taken and not delegation.is_withdrawn:
                cell.create_url = create_url(model.tool, delegation, user)
            cells.append(cell)
        rows.append(DelegationRow(delegation, cells, gaps))
    return rows
