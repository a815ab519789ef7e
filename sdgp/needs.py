"""What needs a person, for the top of their home page, most urgent first: their own tools
returned for changes and the partner's questions their municipality has not answered (members
of a municipality's team); the tools waiting for review, the questions without any answer for
a while and, for programme staff, the people invited who never came (consultants and staff);
before a site visit, the terms of reference to validate (the visiting municipality's team) or to
sign (the host's team), and the Must-have sub-questions its programme leaves without an activity
(the visiting team and the partnership's consultants); after a visit, the actions of its
action plan past their due date (the visiting team and the consultants) and, while the visit is
under way or just over, a day of its learning journal not filled in (the visiting team); the
open tasks meetings set the person or their municipality; then what they were notified of and
have not read. The visits to come that concern the person come with them, for the home to list.
Each item is one tap from the page where it is done; the queries are as many whatever the size
of the programme."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from coaching.models import Task
from learning.tools.learning_questions import LearningQuestion, Response
from learning.tools.registry import tools
from learning.workflows import Status
from partnerships.access import Access
from partnerships.models import LocalGovernment, Notification, Partnership, User
from visits.coverage import with_gap_counts
from visits.models import Action, ActionPlan, Delegation
from visits.reminders import unfilled_days_of, with_unfilled_days

# How many of each kind the home lists; the rest are a link away.
SHOWN = 5
# How many delegations of visits to come the home lists, soonest first.
UPCOMING_SHOWN = 10
TO_REVIEW = {Status.SHARED, Status.CHANGED}
# A question shared this long ago without any answer is worth the consultant's attention.
UNANSWERED_FOR = datetime.timedelta(days=30)
# A municipality whose tools have not changed for this long may need a word from its consultant.
QUIET_FOR = datetime.timedelta(days=30)
NEVER = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass
class Needs:
    returned: list  # (sheet, name) pairs
    waiting: list
    notifications: list
    more_notifications: bool
    to_answer: list = ()  # the partner's questions the person's municipality has not answered
    unanswered: list = ()  # questions in the person's care without any answer for a while
    not_joined: list = ()  # people invited who never logged in
    quiet: list = ()  # municipalities in the person's care whose tools have not changed lately
    to_validate: list = ()  # terms of reference of the person's municipality's visits
    to_sign: list = ()  # terms of reference of visits the person's municipality hosts
    gaps: list = ()  # delegations whose programme leaves Must-have sub-questions uncovered
    upcoming: list = ()  # the delegations of visits to come that concern the person
    overdue: list = ()  # open actions of action plans past their due date
    journal_days: list = ()  # (journal, day): a day of a recent visit left empty
    tasks: list = ()  # open tasks of the person or their municipality, soonest due first

    def __bool__(self):
        return any(
            (
                self.returned,
                self.waiting,
                self.notifications,
                self.to_answer,
                self.unanswered,
                self.not_joined,
                self.quiet,
                self.to_validate,
                self.to_sign,
                self.gaps,
                self.overdue,
                self.journal_days,
                self.tasks,
            )
        )


def needs_of(user):
    access = Access.of(user)
    reviewer_of = set(Access.sides(access.coached))
    if access.staff_of:
        sides = Partnership.objects.filter(programme__one_of=access.staff_of).values_list(
            "north", "south"
        )
        reviewer_of.update(side for pair in sides for side in pair)
    returned, waiting = sheets_to_act_on(access, reviewer_of)
    unread = Notification.objects.visible_to(user).unread().select_related("actor")
    notifications = list(unread[: SHOWN + 1])
    questions = (
        LearningQuestion.objects.visible_to(user)
        .active()
        .filter(table__status__in=Status.shared_values())
        .select_related("table")
        .order_by("changed_date", "pk")
    )
    to_answer, unanswered, not_joined, quiet = [], [], [], []
    if access.member_of:
        answered = Response.objects.filter(
            question=OuterRef("pk"), local_government__in=access.member_of
        )
        to_answer = list(
            questions.exclude(table__owners__in=access.member_of)
            .filter(~Exists(answered))
            .distinct()[:SHOWN]
        )
    if reviewer_of:
        since = timezone.localdate() - UNANSWERED_FOR
        unanswered = list(
            questions.filter(table__owners__in=reviewer_of, changed_date__lte=since)
            .filter(~Exists(Response.objects.filter(question=OuterRef("pk"))))
            .distinct()[:SHOWN]
        )
    if access.coached:
        quiet = quiet_municipalities(Access.sides(access.coached))
    if access.staff_of:
        not_joined = list(
            User.objects.filter(
                memberships__local_government__in=reviewer_of, last_login__isnull=True
            )
            .distinct()
            .order_by("date_joined")[:SHOWN]
        )
    upcoming = upcoming_delegations(user, access)
    # Both are among the tasks `Task.objects.visible_to(user)` lets through: no need to ask.
    tasks = list(
        Task.objects.open()
        .filter(Q(owner_user=user) | Q(owner_local_government__one_of=access.member_of))
        .select_related("owner_local_government")
        .order_by(F("due_date").asc(nulls_last=True), "pk")[:SHOWN]
    )
    to_validate, to_sign, gaps = [], [], []
    for delegation in upcoming:
        if delegation.is_withdrawn:
            continue
        terms = getattr(delegation, "termsofreference", None)
        status = terms.status if terms is not None else None
        if status == Status.DRAFT and delegation.visitor_id in access.member_of:
            to_validate.append(terms)
        elif status == Status.VALIDATED and delegation.host_id in access.member_of:
            to_sign.append(terms)
        table = getattr(delegation, "activitytable", None)
        concerned = (
            delegation.visitor_id in access.member_of
            or delegation.partnership_id in access.coached_partnerships
        )
        if table is not None and delegation.gap_count and concerned:
            gaps.append(delegation)
    return Needs(
        returned=returned,
        waiting=waiting,
        notifications=notifications[:SHOWN],
        more_notifications=len(notifications) > SHOWN,
        to_answer=to_answer,
        unanswered=unanswered,
        not_joined=not_joined,
        quiet=quiet,
        to_validate=to_validate[:SHOWN],
        to_sign=to_sign[:SHOWN],
        gaps=gaps[:SHOWN],
        upcoming=upcoming,
        overdue=overdue_actions(user, access),
        journal_days=unfilled_journal_days(user, access),
        tasks=tasks,
    )


def sheets_to_act_on(access, reviewer_of):
    """([(sheet, name)] returned, [(sheet, name)] waiting), the first SHOWN of each in the
    order of the tools, then of the sheets: the sheets returned for changes of the person's
    municipalities, and those shared or changed since review of the municipalities they
    review (`reviewer_of`) that they may read (the rule of `Access.reads`). One query over
    every tool, whatever the size of the programme: each sheet comes with its owners' names
    and, for a tool without a name field whose owners have several sheets, its number
    (`learning.tools.base.numbers_by_owners`), enough to name it."""
    if not (access.member_of or reviewer_of):
        return [], []
    quote = connection.ops.quote_name
    # Partners and observers read a sheet of that programme once it is shared.
    sharing = {}
    for mapping in (access.partnered, access.observed):
        for programme_id, sides in mapping.items():
            sharing[programme_id] = sharing.get(programme_id, frozenset()) | sides
    listed = list(tools())
    branches, params, owned, owned_params = [], [], [], []
    for index, tool in enumerate(listed):
        model = tool.model
        owners = model._meta.get_field("owners")
        through = quote(owners.remote_field.through._meta.db_table)
        sheet_id, owner_id = quote(owners.m2m_column_name()), quote(owners.m2m_reverse_name())
        table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
        programme = f"s.{quote(model._meta.get_field('programme').column)}"
        name = "NULL"
        if model.name_field:
            name = f"s.{quote(model._meta.get_field(model.name_field).column)}"
        owner_of = f"EXISTS(SELECT 1 FROM {through} o WHERE o.{sheet_id} = s.{pk} AND ("
        sql, sql_params = _sql(
            f"SELECT CASE WHEN s.status = ? THEN 0 ELSE 1 END AS kind, {index} AS tool,"
            f" s.{pk} AS id, {programme} AS programme, s.status AS status, {name} AS name"
            f" FROM {table} s WHERE (s.status = ? AND {owner_of}o.{owner_id} IN ?)))"
            f" OR (s.status IN ? AND {owner_of}o.{owner_id} IN ?)) AND ({programme} IN ?"
            f" OR {owner_of}o.{owner_id} IN ? OR ? OR (s.status IN ? AND ?)))))",
            Status.RETURNED,
            Status.RETURNED,
            access.member_of,
            TO_REVIEW,
            reviewer_of,
            access.staff_of,
            access.member_of,
            _by_programme(access.coached, programme, f"o.{owner_id}"),
            TO_REVIEW & set(model.workflow.shared),
            _by_programme(sharing, programme, f"o.{owner_id}"),
        )
        branches.append(sql)
        params += sql_params
        number = "NULL"
        if not model.name_field:
            # Its rank among the sheets of this tool with the very same owners, if several.
            others = f"SELECT {owner_id} FROM {through} WHERE {sheet_id} ="
            number = (
                "(SELECT CASE WHEN COUNT(*) > 1 THEN SUM(CASE WHEN x.id <= c.id THEN 1 ELSE 0"
                f" END) END FROM (SELECT {sheet_id} AS id FROM {through}"
                f" WHERE {owner_id} = o.{owner_id}) x WHERE NOT EXISTS(SELECT 1 FROM {through} a"
                f" WHERE a.{sheet_id} = x.id AND a.{owner_id} NOT IN ({others} c.id))"
                f" AND NOT EXISTS(SELECT 1 FROM {through} a WHERE a.{sheet_id} = c.id"
                f" AND a.{owner_id} NOT IN ({others} x.id)))"
            )
        owned.append(
            f"SELECT c.kind, c.tool, c.id, c.programme, c.status, c.name, lg.name AS owner,"
            f" lg.id AS owner_id, {number} AS number FROM ranked c"
            f" JOIN {through} o ON o.{sheet_id} = c.id"
            f" JOIN {quote(LocalGovernment._meta.db_table)} lg ON lg.id = o.{owner_id}"
            " WHERE c.tool = %s"
        )
        owned_params.append(index)
    sql = (
        "WITH ranked AS (SELECT * FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t.kind"
        f" ORDER BY t.tool, t.id) AS rank FROM ({' UNION ALL '.join(branches)}) t) r"
        f" WHERE r.rank <= %s) {' UNION ALL '.join(owned)} ORDER BY 1, 2, 3, 7, 8"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, SHOWN, *owned_params])
        rows = cursor.fetchall()
    sheets = {}
    for kind, index, pk, programme_id, status, name, owner, _owner_id, number in rows:
        if (index, pk) not in sheets:
            model = listed[index].model
            values = {"id": pk, "programme_id": programme_id, "status": status}
            if model.name_field:
                values[model._meta.get_field(model.name_field).attname] = name
            fields = [f.attname for f in model._meta.concrete_fields if f.attname in values]
            sheet = model.from_db(connection.alias, fields, [values[field] for field in fields])
            sheet.sheet_number = number
            sheets[index, pk] = (kind, sheet, [])
        sheets[index, pk][2].append(owner)
    returned, waiting = [], []
    for kind, sheet, owner_names in sheets.values():
        (returned if kind == 0 else waiting).append((sheet, sheet.display_name(owner_names)))
    return returned, waiting


def _by_programme(mapping, programme, owner):
    """(sql, params): `owner` is one of the municipalities `mapping` gives for `programme`."""
    if not mapping:
        return "1 = 0", []
    terms, params = [], []
    for programme_id, sides in sorted(mapping.items()):
        in_sides, sides_params = _sql(f"{owner} IN ?", sides)
        terms.append(f"({programme} = %s AND {in_sides})")
        params += [programme_id, *sides_params]
    return f"({' OR '.join(terms)})", params


def _sql(sql, *values):
    """`sql` with each `?` replaced by `%s` for a single value, by a list of placeholders (on
    PostgreSQL one array) for a set of ids or statuses (an empty one matches nothing), or by
    an (sql, params) pair, and its parameters: the same SQL on PostgreSQL and SQLite."""
    parts = sql.split("?")
    text, params = [parts[0]], []
    for value, part in zip(values, parts[1:], strict=True):
        if isinstance(value, tuple):  # SQL of its own and its parameters
            text.append(value[0])
            params += value[1]
        elif not isinstance(value, (set, frozenset)):
            text.append("%s")
            params.append(value)
        else:
            items = sorted(value)
            if not items:
                text.append("(NULL)")
            elif connection.vendor == "postgresql" and text[-1].endswith(" IN "):
                # One array parameter: planning a placeholder per id costs more than the query.
                text[-1] = text[-1].removesuffix(" IN ")
                text.append(" = ANY(%s)")
                params.append(items)
            else:
                text.append(f"({', '.join(['%s'] * len(items))})")
                params += items
        text.append(part)
    return "".join(text), params


def overdue_actions(user, access):
    """The planned or started actions past their due date of the action plans of the person's
    municipality's visits or of the partnerships they coach, most overdue first: one query,
    none for someone they cannot concern."""
    if not (access.member_of or access.coached_partnerships):
        return []
    concerned = Q(sheet__delegation__visitor__in=access.member_of) | Q(
        sheet__delegation__partnership__in=access.coached_partnerships
    )
    return list(
        Action.objects.filter(concerned)
        .filter(
            sheet__in=ActionPlan.objects.visible_to(user).values("pk"),
            status__in=(Action.Status.PLANNED, Action.Status.IN_PROGRESS),
            due_date__lt=timezone.localdate(),
        )
        .select_related("sheet__delegation__visitor")
        .order_by("due_date", "pk")[:SHOWN]
    )


def unfilled_journal_days(user, access):
    """[(journal, day)]: for the delegations of the person's municipality on a visit under way
    or just over, the first past day of its programme without a page of its journal per
    objective (tool 9), or whose rows of its journal per activity (tool 8) are all empty
    (`visits.reminders.with_unfilled_days`); one query, none for someone outside a
    municipality's team."""
    if not access.member_of:
        return []
    # The visiting municipality's team reads its delegations (`Delegation.visible_to`).
    delegations = with_unfilled_days(
        Delegation.objects.filter(visitor__one_of=access.member_of),
        timezone.localdate(),
    ).select_related("visit", "visitor", "host", "journalbyobjective", "journalbyactivity")
    days = []
    for delegation in delegations[:SHOWN]:
        days.extend(unfilled_days_of(delegation))
    return days[:SHOWN]


def upcoming_delegations(user, access):
    """The delegations of the visits to come that concern `user` (their municipality's, the
    partnerships they coach, their programme's), with their visit, sides, activities table,
    terms of reference and Must-have gaps: one query, none for someone they do not concern."""
    if not (access.superuser or access.member_of or access.staff_of or access.coached_partnerships):
        return []
    delegations = (
        Delegation.objects.visible_to(user)
        .concerning(user)
        .upcoming(timezone.localdate())
        .select_related("visit", "visitor", "host", "activitytable", "termsofreference")
        .order_by("visit__start_date", "visit", "visitor__name", "pk")
    )
    return list(with_gap_counts(delegations)[:UPCOMING_SHOWN])


def quiet_municipalities(local_government_ids, limit=SHOWN):
    """The first `limit` municipalities of `local_government_ids` none of whose tools changed
    for QUIET_FOR, quietest first, each with `last_change` (NEVER: never), in one query: the
    latest change of each municipality's sheets, every tool at once."""
    if not local_government_ids:
        return []
    quote = connection.ops.quote_name
    changes = []
    for tool in tools():
        model = tool.model
        owners = model._meta.get_field("owners")
        through = quote(owners.remote_field.through._meta.db_table)
        sheet_id, owner_id = quote(owners.m2m_column_name()), quote(owners.m2m_reverse_name())
        updated_at = quote(model._meta.get_field("updated_at").column)
        changes.append(
            f"SELECT o.{owner_id} AS owner, max(s.{updated_at}) AS changed FROM {through} o"
            f" JOIN {quote(model._meta.db_table)} s"
            f" ON s.{quote(model._meta.pk.column)} = o.{sheet_id}"
            f" WHERE o.{owner_id} IN ? GROUP BY o.{owner_id}"
        )
    table = quote(LocalGovernment._meta.db_table)
    columns = ", ".join(
        f"lg.{quote(field.column)}" for field in LocalGovernment._meta.concrete_fields
    )
    sql = (
        f"SELECT {columns}, coalesce(max(t.changed), ?) AS last_change"
        f" FROM {table} lg LEFT JOIN ({' UNION ALL '.join(changes)}) t ON t.owner = lg.id"
        " WHERE lg.id IN ? GROUP BY lg.id HAVING coalesce(max(t.changed), ?) < ?"
        " ORDER BY coalesce(max(t.changed), ?), lg.name LIMIT ?"
    )
    ids, since = frozenset(local_government_ids), timezone.now() - QUIET_FOR
    sql, params = _sql(sql, NEVER, *[ids] * (len(changes) + 1), NEVER, since, NEVER, limit)
    quiet = list(LocalGovernment.objects.raw(sql, params))
    for local_government in quiet:  # SQLite answers a text
        if isinstance(local_government.last_change, str):
            local_government.last_change = parse_datetime(local_government.last_change)
            if timezone.is_naive(local_government.last_change):
                local_government.last_change = timezone.make_aware(
                    local_government.last_change, datetime.UTC
                )
    return quiet
