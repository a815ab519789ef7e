"""The tools of a partnership or a municipality at a glance, for their pages: per learning-cycle
step, per tool, per municipality, the sheets the user may read and whether they may fill one in.
Built here, in a few queries, so the templates only display it."""

from django.db.models import prefetch_related_objects
from django.urls import reverse

from ..tools.registry import Step, tools


def tools_overview(*, user, local_governments, programme=None):
    """The sheets of `local_governments` (in `programme`, when given) for their page: a list
    of steps `{"label", "tools": [{"tool", "cells": [cell per municipality]}]}`; a cell is
    `{"local_government", "sheets", "create_url"}` (create_url None when not allowed)."""
    local_governments = list(local_governments)
    may_create = {lg.pk: user.has_perm("learning.create_sheet", lg) for lg in local_governments}
    steps = {step: {"label": step.label, "tools": []} for step in Step}
    for tool in tools():
        by_owner = {lg.pk: [] for lg in local_governments}
        for sheet, owner_id in _owned_sheets(tool, user, by_owner, programme):
            by_owner[owner_id].append(sheet)
        cells = []
        for lg in local_governments:
            own = by_owner[lg.pk]
            can_create = may_create[lg.pk] and (tool.many_per_owner or not own)
            create_url = None
            if can_create:
                create_url = reverse(
                    "learning:sheet_create", kwargs={"slug": tool.slug, "owner": lg.pk}
                )
                if programme is not None:
                    # From a partnership's page: a sheet of that partnership's programme.
                    create_url += f"?programme={programme.pk}"
            cells.append({"local_government": lg, "sheets": own, "create_url": create_url})
        steps[Step(tool.step)]["tools"].append({"tool": tool, "cells": cells})
    return [step for step in steps.values() if step["tools"]]


def _owned_sheets(tool, user, owner_ids, programme):
    """(sheet, owner id) for each readable sheet of `tool` and each of its owners among
    `owner_ids`, sheets in order: one query over the sheets' links to their owners, and one
    for all their owners when the page names each sheet by them (several sheets per owner)."""
    sheets = tool.model.objects.visible_to(user)
    if programme is not None:
        sheets = sheets.filter(programme=programme)
    owners = tool.model.owners
    sheet, owner = owners.field.m2m_field_name(), owners.field.m2m_reverse_field_name()
    links = list(
        owners.through.objects.filter(
            **{f"{owner}__in": owner_ids, f"{sheet}__in": sheets.values("pk")}
        )
        .select_related(sheet)
        .order_by(f"{sheet}_id")
    )
    if tool.many_per_owner:
        prefetch_related_objects([getattr(link, sheet) for link in links], "owners")
    return [(getattr(link, sheet), getattr(link, f"{owner}_id")) for link in links]
