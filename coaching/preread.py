"""A meeting's pre-read: its agenda, its questions and the tools of its municipalities changed
since the previous meeting, with how many changes their history shows.

The pre-read costs as many queries whatever the programme's size: the previous meeting, the
agenda, the questions, one query over every tool's sheets changed since then (with their
owners) and one over the histories of the sheets shown (learning/history.py's rule of a change
shown, worked out in SQL). It is built once per meeting (`Preread`) and read per reader
(`Preread.context(user)`): what a reader sees of it is the same rule as each tool's
`visible_to(user)` (`Access.reads`, checked in hand), so mailing it to every participant reads
the sheets and histories once."""

import datetime
import functools
from dataclasses import dataclass, field

from django.db import connection
from django.utils import timezone

from learning.history import row_foreign_key, shown_fields
from learning.tools.registry import get_tool, tools
from learning.tools.tables import sheet_tables
from partnerships.access import Access
from partnerships.models import LocalGovernment

from .models import Meeting

# The tools changed that the pre-read lists, per tool.
SHEETS_PER_TOOL = 5


def previous_meeting(meeting):
    """The meeting before this one about the same partnership, municipality or programme."""
    earlier = Meeting.objects.filter(
        kind=meeting.kind, programme=meeting.programme_id, starts_at__lt=meeting.starts_at
    ).exclude(status=Meeting.Status.CANCELLED)
    if meeting.kind == Meeting.Kind.BILATERAL:
        earlier = earlier.filter(partnership=meeting.partnership_id)
    elif meeting.kind == Meeting.Kind.INDIVIDUAL:
        earlier = earlier.filter(local_government=meeting.local_government_id)
    return earlier.order_by("-starts_at").first()


@dataclass
class ToolChange:
    sheet: object
    count: int
    last: object
    owners: list = field(default_factory=list)  # the owners' names, by name

    @property
    def name(self):
        """The sheet's name as `str(sheet)` gives it, in the language of the moment."""
        return self.sheet.display_name(() if self.sheet.name_field else self.owners)


@dataclass
class _Candidate:
    tool_index: int
    sheet: object
    owners: dict  # id -> name


class Preread:
    """What the pre-read of `meeting` says for any reader, read once."""

    def __init__(self, meeting):
        from .services import meeting_sides

        self.meeting = meeting
        self.previous = previous_meeting(meeting)
        self.since = self.previous.starts_at if self.previous else None
        self.agenda = list(meeting.agenda.all())
        self.questions = list(meeting.questions.all())
        self.tools = list(tools())
        self.candidates = _changed_sheets(
            self.tools, meeting.programme_id, sorted(meeting_sides(meeting)), self.since
        )
        self._counts = {}  # (tool index, sheet id) -> (count, last), once read

    def shown_to(self, user):
        """The candidates `user` reads: per tool, the SHEETS_PER_TOOL changed last."""
        access = Access.of(user)
        shown, per_tool = [], {}
        for candidate in self.candidates:
            model = candidate.sheet.__class__
            if per_tool.get(candidate.tool_index, 0) >= SHEETS_PER_TOOL:
                continue
            if not access.reads(
                programme=candidate.sheet.programme_id,
                owners=candidate.owners,
                shared=candidate.sheet.status in model.workflow.shared,
            ):
                continue
            per_tool[candidate.tool_index] = per_tool.get(candidate.tool_index, 0) + 1
            shown.append(candidate)
        return shown

    def read_counts(self, candidates):
        """Read the changes of `candidates` not read yet (one query)."""
        missing = {}
        for candidate in candidates:
            key = (candidate.tool_index, candidate.sheet.pk)
            if key not in self._counts:
                missing.setdefault(candidate.tool_index, set()).add(candidate.sheet.pk)
                self._counts[key] = (0, None)
        if missing:
            self._counts.update(_history_counts(self.tools, missing, self.since))

    def tool_changes(self, user):
        shown = self.shown_to(user)
        # Every candidate's changes at once: the participants of a mailing each read some of
        # them, and one query serves them all.
        self.read_counts(self.candidates)
        changes = []
        for candidate in shown:
            count, last = self._counts[candidate.tool_index, candidate.sheet.pk]
            if count:
                owners = list(candidate.owners.values())
                changes.append(ToolChange(candidate.sheet, count, last, owners))
        return changes

    def context(self, user):
        return {
            "meeting": self.meeting,
            "agenda": self.agenda,
            "questions": self.questions,
            "previous": self.previous,
            "tool_changes": self.tool_changes(user),
        }


def preread_context(meeting, *, user):
    return Preread(meeting).context(user)


def _changed_sheets(listed, programme_id, sides, since):
    """The sheets of `programme_id` owned by one of `sides` and changed after `since`, each
    with its owners (by name), per tool the latest changed first: one query over every tool."""
    if not sides:
        return []
    quote = connection.ops.quote_name
    owners_in = ", ".join(["%s"] * len(sides))
    branches, params = [], []
    lg_table = quote(LocalGovernment._meta.db_table)
    for index, _tool, t in sheet_tables():
        branch = (
            f"SELECT {index}, s.{t.pk}, s.{t.programme}, s.status, {t.name}, s.{t.updated_at},"
            f" lg.id, lg.name FROM {t.table} s"
            f" JOIN {t.through} o ON o.{t.sheet_id} = s.{t.pk}"
            f" JOIN {lg_table} lg ON lg.id = o.{t.owner_id}"
            f" WHERE s.{t.programme} = %s AND s.{t.pk} IN"
            f" (SELECT {t.sheet_id} FROM {t.through} WHERE {t.owner_id} IN ({owners_in}))"
        )
        params += [programme_id, *sides]
        if since is not None:
            branch += f" AND s.{t.updated_at} > %s"
            params.append(connection.ops.adapt_datetimefield_value(since))
        branches.append(branch)
    sql = " UNION ALL ".join(branches) + " ORDER BY 1, 6 DESC, 2 DESC, 8"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()

    candidates = {}
    for index, pk, programme, status, name, _updated, owner, owner_name in rows:
        if (index, pk) not in candidates:
            model = listed[index].model
            values = {"id": pk, "programme_id": programme, "status": status}
            if model.name_field:
                values[model._meta.get_field(model.name_field).attname] = name
            fields = [f.attname for f in model._meta.concrete_fields if f.attname in values]
            sheet = model.from_db(connection.alias, fields, [values[f] for f in fields])
            candidates[index, pk] = _Candidate(index, sheet, {})
        candidates[index, pk].owners[owner] = owner_name
    return list(candidates.values())


@functools.cache
def _branches(slug):
    """The SQL that reads the records of a tool's sheets and of each kind of their rows with
    a history, as learning/history.py reads them, each with its sheet, its date and whether it
    is shown; one placeholder for the sheet ids. Built once per process: a model's `history`
    manager is a new class each time it is read."""
    tool = get_tool(slug)
    quote = connection.ops.quote_name
    sources = [(tool.model, set(), [], f"h.{quote(tool.model._meta.pk.column)}")]
    for inline in tool.inlines:
        if hasattr(inline.model, "history"):
            fk = row_foreign_key(inline, tool.model)
            sources.append((inline.model, {fk.name}, [], f"h.{quote(fk.column)}"))
    for model, lookup in tool.part_histories:
        # "question__table": the history's live question, then its table's id.
        *path, last = lookup.split("__")
        joins, alias, current = [], "h", model
        for step, name in enumerate(path):
            relation = current._meta.get_field(name)
            target = relation.related_model
            joins.append(
                f" JOIN {quote(target._meta.db_table)} j{step}"
                f" ON j{step}.{quote(target._meta.pk.column)} = {alias}.{quote(relation.column)}"
            )
            alias, current = f"j{step}", target
        sources.append(
            (model, set(), joins, f"{alias}.{quote(current._meta.get_field(last).column)}")
        )
    branches = []
    for model, excluded, joins, sheet in sources:
        history = model.history.model
        fields = shown_fields(model, excluded=excluded)
        key = quote(model._meta.pk.column)
        date, record = quote("history_date"), quote("history_id")
        window = f"OVER (PARTITION BY {sheet}, h.{key} ORDER BY h.{date}, h.{record})"
        columns = [quote(history._meta.get_field(field.name).column) for field in fields]
        shown = " OR ".join(
            [
                f"h.{quote('history_type')} <> '~'",
                f"COALESCE(h.{quote('history_change_reason')}, '') <> ''",
                *(f"h.{column} IS DISTINCT FROM LAG(h.{column}) {window}" for column in columns),
            ]
        )
        branches.append(
            f"SELECT %s AS tool, {sheet} AS sheet, h.{date} AS day,"
            f" CASE WHEN {shown} THEN 1 ELSE 0 END AS shown"
            f" FROM {quote(history._meta.db_table)} h{''.join(joins)}"
            f" WHERE {sheet} IN ({{ids}})"
        )
    return branches


def _history_counts(listed, sheet_ids, since):
    """`{(tool index, sheet id): (changes shown, the last one's date)}` for the sheets
    `sheet_ids` (tool index -> ids) from `since` on: what `sheet_history(sheet, since=since)`
    lists of each, in one query. A record is shown unless it is a save that changed only
    bookkeeping fields without a note; it is compared with the previous record of its row."""
    branches, params = [], []
    for index, ids in sorted(sheet_ids.items()):
        ids = sorted(ids)
        for branch in _branches(listed[index].slug):
            branches.append(branch.replace("{ids}", ", ".join(["%s"] * len(ids))))
            params += [index, *ids]
    sql = (
        "SELECT tool, sheet, COUNT(*), MAX(day) FROM ("
        + " UNION ALL ".join(branches)
        + ") records WHERE shown = 1"
    )
    if since is not None:
        sql += " AND day >= %s"
        params.append(connection.ops.adapt_datetimefield_value(since))
    sql += " GROUP BY tool, sheet"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(tool, sheet): (count, _aware(last)) for tool, sheet, count, last in cursor}


def _aware(value):
    """A date read by an aggregate: SQLite gives it as text, in UTC."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value
