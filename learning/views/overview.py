"""The tools of a partnership or a municipality at a glance, for their pages: per learning-cycle
step, per tool, per municipality, the sheets the user may read and whether they may fill one in.
Built here, in one query, so the templates only display it."""

from django.db import connection
from django.urls import reverse

from partnerships.access import Access
from partnerships.models import LocalGovernment

from ..tools.base import numbers_by_owners
from ..tools.registry import Step, tools
from ..tools.tables import sheet_tables


def tools_overview(*, user, local_governments, programme=None):
    """The sheets of `local_governments` (in `programme`, when given) for their page: a list
    of steps `{"label", "tools": [{"tool", "cells": [cell per municipality]}]}`; a cell is
    `{"local_government", "sheets", "create_url"}` (create_url None when not allowed) and its
    sheets are `(sheet, name)` pairs, the name saying which one it is when there may be
    several (`ToolSheet.display_name`, numbered when its owners have several sheets of a tool
    without a name field)."""
    local_governments = list(local_governments)
    may_create = {lg.pk: user.has_perm("learning.create_sheet", lg) for lg in local_governments}
    readable = readable_sheets(user, [lg.pk for lg in local_governments], programme)
    steps = {step: {"label": step.label, "tools": []} for step in Step}
    for tool in tools():
        cells = []
        for lg in local_governments:
            own = readable.get((tool.slug, lg.pk), [])
            create_url = None
            if may_create[lg.pk] and (tool.many_per_owner or not own):
                create_url = reverse(
                    "learning:sheet_create", kwargs={"slug": tool.slug, "owner": lg.pk}
                )
                if programme is not None:
                    # From a partnership's page: a sheet of that partnership's programme.
                    create_url += f"?programme={programme.pk}"
            cells.append({"local_government": lg, "sheets": own, "create_url": create_url})
        steps[Step(tool.step)]["tools"].append({"tool": tool, "cells": cells})
    return [step for step in steps.values() if step["tools"]]


def readable_sheets(user, owner_ids, programme):
    """`{(tool slug, owner id): [(sheet, name), ...]}`: the sheets of the local governments
    `owner_ids` (in `programme`, when given) that `user` may read, in the order of their ids.

    One query over every tool's sheets, with each sheet's owners: the same rule as each tool's
    `visible_to(user)` (`Access.reads`), without building five OR-ed querysets. The sheets come
    with their id, programme, status and `name_field`, enough for a link, a status and a name.
    They come from every programme: sheets with the same owners are numbered across programmes
    (`ToolSheet.sheet_number`), and the query has every sheet of those owners."""
    if not owner_ids:
        return {}
    quote = connection.ops.quote_name
    lg_table = quote(LocalGovernment._meta.db_table)
    owners_in = ", ".join(["%s"] * len(owner_ids))
    tables = sheet_tables()
    listed = [tool for _index, tool, _table in tables]
    branches, params = [], []
    for index, _tool, t in tables:
        branch = (
            f"SELECT {index}, s.{t.pk}, s.{t.programme}, s.status, {t.name}, lg.id, lg.name"
            f" FROM {t.table} s"
            f" JOIN {t.through} o ON o.{t.sheet_id} = s.{t.pk}"
            f" JOIN {lg_table} lg ON lg.id = o.{t.owner_id}"
            f" WHERE s.{t.pk} IN (SELECT {t.sheet_id} FROM {t.through}"
            f" WHERE {t.owner_id} IN ({owners_in}))"
        )
        params += owner_ids
        branches.append(branch)
    # Owners by name, as `sheet.owners.all()` lists them.
    sql = " UNION ALL ".join(branches) + " ORDER BY 1, 2, 7"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()

    sheets = {}
    for index, pk, programme_id, status, name, owner, owner_name in rows:
        if (index, pk) not in sheets:
            sheets[index, pk] = (programme_id, status, name, {})
        sheets[index, pk][3][owner] = owner_name

    numbers = {}
    for index, tool in enumerate(listed):
        if not tool.model.name_field:
            owners = {pk: frozenset(sheet[3]) for (i, pk), sheet in sheets.items() if i == index}
            numbers[index] = numbers_by_owners(owners, list(owners))

    access = Access.of(user)
    readable = {}
    for (index, pk), (programme_id, status, name, owners) in sheets.items():
        tool = listed[index]
        model = tool.model
        if programme is not None and programme_id != programme.pk:
            continue
        if not access.reads(
            programme=programme_id, owners=owners, shared=status in model.workflow.shared
        ):
            continue
        values = {"id": pk, "programme_id": programme_id, "status": status}
        if model.name_field:
            values[model._meta.get_field(model.name_field).attname] = name
        fields = [f.attname for f in model._meta.concrete_fields if f.attname in values]
        sheet = model.from_db(connection.alias, fields, [values[field] for field in fields])
        sheet.sheet_number = numbers.get(index, {}).get(pk)
        entry = (sheet, sheet.display_name(owners.values()))
        for owner in owners:
            if owner in owner_ids:
                readable.setdefault((tool.slug, owner), []).append(entry)
    return readable
