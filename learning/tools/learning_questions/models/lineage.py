"""A question's lineage: the earlier wordings it grew from, followed through the `replaces`
links in one query however often it was reformulated (a recursive common table expression,
which PostgreSQL and SQLite both run)."""

from django.db import connection


def lineage_sql(through, pks, *, columns="descendant, ancestor"):
    """SQL and params selecting, for each question in `pks`, every earlier wording it grew from,
    as (descendant, ancestor) rows; `columns` picks from those two. `through` is the model of the
    `replaces` links. UNION keeps each pair once, so even a cycle of links ends."""
    quote = connection.ops.quote_name
    table = quote(through._meta.db_table)
    newer = quote(through._meta.get_field("from_learningquestion").column)
    older = quote(through._meta.get_field("to_learningquestion").column)
    placeholders = ", ".join(["%s"] * len(pks))
    sql = (
        f"WITH RECURSIVE lineage (descendant, ancestor) AS ("
        f"SELECT {newer}, {older} FROM {table} WHERE {newer} IN ({placeholders}) "
        f"UNION SELECT lineage.descendant, link.{older} FROM {table} link "
        f"INNER JOIN lineage ON link.{newer} = lineage.ancestor"
        f") SELECT {columns} FROM lineage"
    )
    return sql, list(pks)


def ancestor_pks(through, pks):
    """{pk: set of the pks of its earlier wordings} for each question of `pks` that has any."""
    pks = list(pks)
    if not pks:
        return {}
    lineages = {}
    with connection.cursor() as cursor:
        cursor.execute(*lineage_sql(through, pks))
        for descendant, ancestor in cursor.fetchall():
            lineages.setdefault(descendant, set()).add(ancestor)
    return lineages
