"""The database names of every tool's sheets and owners, for the few queries that read the
sheets of all the tools at once in SQL: `readable_sheets` (learning/views/overview.py), the
learning-cycle dashboard's statuses and a meeting's pre-read (coaching/)."""

from dataclasses import dataclass

from django.db import connection

from .registry import tools


@dataclass(frozen=True)
class SheetTable:
    """One tool's sheet table and its owners' table, their names quoted for SQL."""

    table: str
    pk: str
    programme: str
    updated_at: str
    name: str  # the column of the tool's `name_field` as `s.<column>`, or NULL
    through: str
    sheet_id: str
    owner_id: str


def sheet_tables():
    """`[(index, tool, SheetTable)]` for every registered tool, in the registry's order."""
    quote = connection.ops.quote_name
    listed = []
    for index, tool in enumerate(tools()):
        meta = tool.model._meta
        owners = meta.get_field("owners")
        name_field = tool.model.name_field
        table = SheetTable(
            table=quote(meta.db_table),
            pk=quote(meta.pk.column),
            programme=quote(meta.get_field("programme").column),
            updated_at=quote(meta.get_field("updated_at").column),
            name=f"s.{quote(meta.get_field(name_field).column)}" if name_field else "NULL",
            through=quote(owners.remote_field.through._meta.db_table),
            sheet_id=quote(owners.m2m_column_name()),
            owner_id=quote(owners.m2m_reverse_name()),
        )
        listed.append((index, tool, table))
    return listed
