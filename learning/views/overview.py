"""The tools of a partnership or a municipality at a glance, for their pages: per learning-cycle
step, per tool, per municipality, the sheets the user may read and whether they may fill one in.
Built here, in a few queries, so the templates only display it."""

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
        sheets = (
            tool.model.objects.visible_to(user)
            .filter(owners__in=local_governments)
            .prefetch_related("owners")
            .order_by("pk")
        )
        if programme is not None:
            sheets = sheets.filter(programme=programme)
        by_owner = {lg.pk: [] for lg in local_governments}
        for sheet in sheets:
            for owner in sheet.owners.all():
                if owner.pk in by_owner and sheet not in by_owner[owner.pk]:
                    by_owner[owner.pk].append(sheet)
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
