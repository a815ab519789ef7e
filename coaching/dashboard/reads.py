"""What the dashboard reads for every card, whatever the page shows: the partnerships in scope
(`scope`), then each card's statuses of its sheets (one raw query over every tool), its
delegations, sub-questions, exchange, reformulations, meetings, tasks, actions and, for staff,
attendance (one grouped query each). Each `read_*` fills the cards, keyed by (programme id,
municipality id)."""

from django.db import connection
from django.db.models import Case, Count, F, Max, Q, Value, When

from learning.tools.learning_questions import LearningQuestion, SubQuestion
from learning.tools.learning_questions import Response as ExchangeResponse
from learning.tools.tables import sheet_tables
from learning.workflows import Status
from partnerships.access import Access
from partnerships.models import LocalGovernment, Partnership, User
from visits.coverage import with_gap_counts
from visits.models import Action, Delegation

from ..models import Attendance, Meeting, Task
from .cards import Upcoming

OPEN_ACTIONS = (Action.Status.PLANNED, Action.Status.IN_PROGRESS)
DEEPENING_TRIGGERS = (LearningQuestion.Trigger.SITE_VISIT, LearningQuestion.Trigger.APPLICATION)


def scope(user, programme=None):
    """The partnerships whose municipalities `user` follows on the dashboard: those they
    coach, their programmes' as staff, every one for a superuser; in `programme` when given."""
    access = Access.of(user)
    partnerships = Partnership.objects.select_related("programme", "north", "south")
    if not access.superuser:
        partnerships = partnerships.filter(
            Q(programme__in=sorted(access.staff_of)) | Q(pk__one_of=access.coached_partnerships)
        )
    if programme is not None:
        partnerships = partnerships.filter(programme=programme)
    return partnerships.order_by("programme__name", "programme", "pk")


def read_statuses(cards, user, lg_ids, programme_ids):
    """Each card's statuses of its sheets of each tool that `user` reads: one query over every
    tool's sheets and owners, read by the same rule as each tool's `visible_to(user)`
    (`Access.reads`, as `readable_sheets` does), without building the sheets."""
    quote = connection.ops.quote_name
    tables = sheet_tables()
    listed = [tool for _index, tool, _table in tables]
    lg_table = quote(LocalGovernment._meta.db_table)
    in_owners, params = _one_of("id", lg_ids)
    in_programmes = ", ".join(["%s"] * len(programme_ids))
    branches = []
    for index, _tool, t in tables:
        branches.append(
            f"SELECT {index}, s.{t.pk}, s.{t.programme}, s.status, o.{t.owner_id}"
            f" FROM {t.table} s"
            f" JOIN {t.through} o ON o.{t.sheet_id} = s.{t.pk}"
            f" WHERE s.{t.programme} IN ({in_programmes}) AND s.{t.pk} IN"
            f" (SELECT {t.sheet_id} FROM {t.through} WHERE {t.owner_id} IN (SELECT id FROM chosen))"
        )
        params += programme_ids
    # The municipalities once, for every tool.
    sql = f"WITH chosen AS (SELECT id FROM {lg_table} WHERE {in_owners}) "
    sql += " UNION ALL ".join(branches)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    sheets = {}
    for index, pk, programme_id, status, owner in rows:
        sheets.setdefault((index, pk), (programme_id, status, set()))[2].add(owner)
    access, reads = Access.of(user), {}
    for (index, _pk), (programme_id, status, owners) in sheets.items():
        tool = listed[index]
        owners = frozenset(owners)
        key = (programme_id, owners, status in tool.model.workflow.shared)
        if key not in reads:  # most sheets share their owners with others
            reads[key] = access.reads(programme=key[0], owners=owners, shared=key[2])
        if not reads[key]:
            continue
        for owner in owners:
            card = cards.get((programme_id, owner))
            if card is not None:
                card.statuses.setdefault(tool.slug, []).append(status)


def _one_of(column, ids):
    """`column` among `ids`: one array parameter on PostgreSQL, a placeholder each elsewhere."""
    ids = sorted(ids)
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s)", [ids]
    return f"{column} IN ({', '.join(['%s'] * len(ids))})", ids


def read_delegations(cards, lg_ids, programme_ids, today):
    delegations = (
        with_gap_counts(
            Delegation.objects.active()
            .filter(visit__programme__one_of=programme_ids)
            .filter(Q(visitor__one_of=lg_ids) | Q(host__one_of=lg_ids))
        )
        # Only the visits to come count their gaps: PostgreSQL skips the others' subquery.
        .annotate(
            gaps=Case(
                When(visit__end_date__gte=today, then=F("gap_count")),
                default=Value(0),
            )
        )
        .order_by("visit__start_date", "pk")
        .values_list(
            "pk",
            "visit__programme",
            "visit__start_date",
            "visit__end_date",
            "visitor",
            "host",
            "activitytable",
            "termsofreference",
            "termsofreference__status",
            "gaps",
        )
    )
    for (
        pk,
        programme_id,
        start,
        end,
        visitor,
        host,
        table,
        terms,
        terms_status,
        gaps,
    ) in delegations:
        upcoming = Upcoming(pk, visitor, table is not None, gaps)
        for side in (visitor, host):
            card = cards.get((programme_id, side))
            if card is None:
                continue
            if end < today:
                card.ended_visits.append(start)
                continue
            card.delegations.append(upcoming)
            if terms is None:
                continue
            if terms_status == Status.DRAFT and side == visitor:
                card.to_validate.append(terms)
            elif terms_status == Status.VALIDATED and side == host:
                card.to_sign.append(terms)
        card = cards.get((programme_id, visitor))
        if card is not None and end >= today and upcoming.has_table:
            card.gaps += gaps


def read_subquestions(cards, lg_ids, programme_ids):
    rows = (
        SubQuestion.objects.filter(
            question__status=LearningQuestion.Status.ACTIVE,
            question__table__programme__one_of=programme_ids,
            question__table__owners__one_of=lg_ids,
        )
        .order_by()
        .values("question__table__programme", "question__table__owners")
        .annotate(
            open=Count("pk", filter=Q(answer_status=SubQuestion.AnswerStatus.OPEN)),
            partly=Count("pk", filter=Q(answer_status=SubQuestion.AnswerStatus.PARTLY)),
        )
    )
    for row in rows:
        card = cards.get((row["question__table__programme"], row["question__table__owners"]))
        if card is not None:
            card.open_subquestions = row["open"]
            card.partly_answered = row["partly"]


def read_exchange(cards, lg_ids, programme_ids):
    """The responses between municipalities, grouped by who answered whom: each card's last
    exchange (given or received) and each partnership's responses between its two sides."""
    rows = (
        ExchangeResponse.objects.filter(question__table__programme__one_of=programme_ids)
        .filter(Q(local_government__one_of=lg_ids) | Q(question__table__owners__one_of=lg_ids))
        .order_by()
        .values("question__table__programme", "local_government", "question__table__owners")
        .annotate(count=Count("pk", distinct=True), last=Max("created_at"))
    )
    for row in rows:
        programme_id = row["question__table__programme"]
        answerer, asker = row["local_government"], row["question__table__owners"]
        if answerer == asker:
            continue
        for side in (answerer, asker):
            card = cards.get((programme_id, side))
            if card is None:
                continue
            card.last_exchange = _later(card.last_exchange, row["last"])
            if side == asker:
                card.last_received = _later(card.last_received, row["last"])
            for talk in card.partners:
                if talk.partner.pk in (answerer, asker):
                    talk.responses += row["count"]
                    talk.last = _later(talk.last, row["last"])


def read_deepening(cards, lg_ids, programme_ids):
    rows = (
        LearningQuestion.objects.filter(
            trigger__in=DEEPENING_TRIGGERS,
            table__programme__one_of=programme_ids,
            table__owners__one_of=lg_ids,
        )
        .order_by()
        .values("table__programme", "table__owners")
        .annotate(last=Max("changed_date"))
    )
    for row in rows:
        card = cards.get((row["table__programme"], row["table__owners"]))
        if card is not None:
            card.last_deepening = row["last"]


def read_meetings(cards, user, lg_ids, programme_ids):
    """Held meetings per kind: individual coaching per municipality, bilaterals per
    partnership, the knowledge network per programme (returned)."""
    partnership_ids = sorted(
        {talk.partnership.pk for card in cards.values() for talk in card.partners}
    )
    rows = (
        Meeting.objects.visible_to(user)
        .filter(programme__one_of=programme_ids, status=Meeting.Status.HELD)
        .filter(
            Q(local_government__one_of=lg_ids)
            | Q(partnership__one_of=partnership_ids)
            | Q(kind=Meeting.Kind.NETWORK)
        )
        .order_by()
        .values("programme", "kind", "local_government", "partnership")
        .annotate(
            count=Count("pk"),
            direct=Count("pk", filter=Q(without_consultant=True)),
            last=Max("starts_at", filter=Q(without_consultant=True)),
        )
    )
    talks = {}  # partnership id -> [(card, its PartnerTalk)], both sides
    for card in cards.values():
        for talk in card.partners:
            talks.setdefault(talk.partnership.pk, []).append((card, talk))
    network = {}
    for row in rows:
        programme_id, kind = row["programme"], row["kind"]
        if kind == Meeting.Kind.NETWORK:
            network[programme_id] = network.get(programme_id, 0) + row["count"]
            continue
        if kind == Meeting.Kind.INDIVIDUAL:
            card = cards.get((programme_id, row["local_government"]))
            if card is not None:
                card.meetings[kind] = card.meetings.get(kind, 0) + row["count"]
        for card, talk in talks.get(row["partnership"], ()):
            talk.direct_meetings += row["direct"]
            talk.last = _later(talk.last, row["last"])
            if kind == Meeting.Kind.BILATERAL:
                card.meetings[kind] = card.meetings.get(kind, 0) + row["count"]
    for card in cards.values():
        card.meetings[Meeting.Kind.NETWORK] = network.get(card.programme.pk, 0)
    return network


def read_tasks(cards, user, lg_ids, programme_ids, today):
    rows = (
        Task.objects.visible_to(user)
        .open()
        .filter(
            programme__one_of=programme_ids,
            owner_local_government__one_of=lg_ids,
            due_date__lt=today,
        )
        .order_by()
        .values("programme", "owner_local_government")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        card = cards.get((row["programme"], row["owner_local_government"]))
        if card is not None:
            card.overdue_tasks = row["count"]


def read_actions(cards, lg_ids, programme_ids, today):
    rows = (
        Action.objects.filter(
            status__in=OPEN_ACTIONS,
            sheet__delegation__visit__programme__one_of=programme_ids,
            sheet__delegation__visitor__one_of=lg_ids,
        )
        .order_by()
        .values("sheet__delegation__visit__programme", "sheet__delegation__visitor")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today)))
    )
    for row in rows:
        key = (row["sheet__delegation__visit__programme"], row["sheet__delegation__visitor"])
        if (card := cards.get(key)) is not None:
            card.open_actions = row["open"]
            card.overdue_actions = row["overdue"]


def read_attendance(cards, lg_ids, programme_ids):
    """For staff: per municipality, the people of its team who attended a held meeting by
    profile, and how many invitations were attended."""
    rows = (
        Attendance.objects.filter(
            meeting__programme__one_of=programme_ids,
            meeting__status=Meeting.Status.HELD,
            user__memberships__local_government__one_of=lg_ids,
        )
        .order_by()
        .values("meeting__programme", "user__memberships__local_government", "user__profile")
        .annotate(
            invitations=Count("pk", distinct=True),
            present=Count("pk", distinct=True, filter=Q(attended=True)),
            people=Count("user", distinct=True, filter=Q(attended=True)),
        )
    )
    for card in cards.values():
        if card.programme.pk in programme_ids:
            card.balance = dict.fromkeys((*User.Profile.values, ""), 0)
    for row in rows:
        key = (row["meeting__programme"], row["user__memberships__local_government"])
        card = cards.get(key)
        if card is None or card.balance is None:
            continue
        card.balance[row["user__profile"]] += row["people"]
        card.invited += row["invitations"]
        card.attended += row["present"]


def _later(one, other):
    if one is None:
        return other
    if other is None:
        return one
    return max(one, other)
