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
of the programme. They are many, over every tool: the home keeps what it rendered of them until
the data changes (`{% kept %}` in templates/home/)."""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, DateTimeField, Exists, F, Max, OuterRef, Q, Value
from django.utils import timezone

from coaching.models import Task
from learning.tools.base import numbers_by_owners, related_owners
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
    """What needs `user` (`Needs`)."""
    access = Access.of(user)
    reviewer_of = set(Access.sides(access.coached))
    if access.staff_of:
        sides = (
            Partnership.objects.filter(programme__one_of=access.staff_of)
            .order_by()
            .values_list("north", "south")
        )
        reviewer_of.update(side for pair in sides for side in pair)
    returned, waiting = sheets_to_act_on(user, access, reviewer_of)
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


def sheets_to_act_on(user, access, reviewer_of):
    """([(sheet, name)] returned, [(sheet, name)] waiting), the first SHOWN of each in the
    order of the tools, then of the sheets: the sheets `user` reads (`visible_to`) returned
    for changes of their municipalities, and those shared or changed since review of the
    municipalities they review (`reviewer_of`). A query per kind over every tool, and one for
    the owners of those of them named after their owners, whatever the size of the
    programme."""
    listed = list(tools())
    returned = _first_readable(user, listed, {Status.RETURNED}, access.member_of)
    waiting = _first_readable(user, listed, TO_REVIEW, reviewer_of)
    named = _named(listed, returned + waiting)
    return [named[row] for row in returned], [named[row] for row in waiting]


def _first_readable(user, listed, statuses, owner_ids):
    """[(tool index, sheet id, status, name)]: the first SHOWN sheets of the tools `listed`
    that `user` reads, in one of `statuses`, of one of the municipalities `owner_ids`."""
    if not owner_ids:
        return []
    branches = []
    for index, tool in enumerate(listed):
        model = tool.model
        name = F(model.name_field) if model.name_field else Value(None, CharField())
        branches.append(
            model.objects.visible_to(user)
            .filter(status__in=statuses, owners__one_of=owner_ids)
            .order_by()
            .values(tool_index=Value(index), sheet_id=F("pk"), sheet_status=F("status"))
            .annotate(sheet_name=name)
        )
    found = branches[0].union(*branches[1:], all=True).order_by("tool_index", "sheet_id")
    return [
        (row["tool_index"], row["sheet_id"], row["sheet_status"], row["sheet_name"])
        for row in found[:SHOWN]
    ]


def _named(listed, rows):
    """`{row: (sheet, name)}` for the rows of `_first_readable`: a tool with a name field
    names its sheets; the others' owners, and their number among their owners' sheets
    (`learning.tools.base.sheet_numbers`), come in one query for them all."""
    by_tool = {}
    for index, pk, _status, _name in rows:
        if not listed[index].model.name_field:
            by_tool.setdefault(index, set()).add(pk)
    owners = {}  # (tool index, sheet id) -> {owner id: name}, owners by name
    if by_tool:
        branches = []
        for index, pks in sorted(by_tool.items()):
            model = listed[index].model
            owner = model._meta.get_field("owners").m2m_reverse_field_name()
            branches.append(
                related_owners(model, pks)
                .annotate(tool_index=Value(index), owner_name=F(f"{owner}__name"))
                .values("tool_index", "sheet", "owner", "owner_name")
            )
        everyone = branches[0].union(*branches[1:], all=True)
        for row in everyone.order_by("tool_index", "sheet", "owner_name"):
            owners.setdefault((row["tool_index"], row["sheet"]), {})[row["owner"]] = row[
                "owner_name"
            ]
    numbers = {}
    for index, pks in by_tool.items():
        sets = {pk: frozenset(ids) for (i, pk), ids in owners.items() if i == index}
        numbers[index] = numbers_by_owners(sets, pks)
    named = {}
    for row in rows:
        index, pk, status, name = row
        model = listed[index].model
        values = {"id": pk, "status": status}
        if model.name_field:
            values[model._meta.get_field(model.name_field).attname] = name
        fields = list(values)
        sheet = model.from_db(connection.alias, fields, [values[field] for field in fields])
        sheet.sheet_number = numbers.get(index, {}).get(pk)
        named[row] = (sheet, sheet.display_name(owners.get((index, pk), {}).values()))
    return named


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
        Delegation.objects.filter(visitor__one_of=access.member_of).select_related(
            "visit", "visitor", "host", "journalbyobjective", "journalbyactivity"
        ),
        timezone.localdate(),
    )
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
    for QUIET_FOR, quietest first, each with `last_change` (NEVER: never), in one query: their
    names and the latest change of their sheets of each tool."""
    if not local_government_ids:
        return []
    nothing = Value(None, CharField())
    changes = [
        LocalGovernment.objects.filter(pk__one_of=local_government_ids)
        .order_by()
        .values(owner=F("pk"))
        .annotate(last=Value(None, DateTimeField()), owner_name=F("name"))
    ]
    changes += [
        tool.model.objects.filter(owners__one_of=local_government_ids)
        .order_by()
        .values(owner=F("owners"))
        .annotate(last=Max("updated_at"), owner_name=nothing)
        for tool in tools()
    ]
    last_change, names = {}, {}
    rows = changes[0].union(*changes[1:], all=True).order_by()
    for owner, last, name in rows.values_list("owner", "last", "owner_name"):
        if owner in local_government_ids:
            if name is None:
                last_change[owner] = max(last_change.get(owner, NEVER), last)
            else:
                names[owner] = name
    since = timezone.now() - QUIET_FOR
    quiet = sorted(
        (last_change.get(pk, NEVER), name, pk)
        for pk, name in names.items()
        if last_change.get(pk, NEVER) < since
    )
    shown = []
    for last, name, pk in quiet[:limit]:
        # What the home shows of it: its name and its page.
        local_government = LocalGovernment.from_db(connection.alias, ["id", "name"], [pk, name])
        local_government.last_change = last
        shown.append(local_government)
    return shown
