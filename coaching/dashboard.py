"""The learning-cycle dashboard: per municipality in a programme, where it stands in the cycle,
the state of each tool and what needs attention first, for the consultants who coach it and the
programme's staff.

Where a municipality stands (`Position`), the first rule that holds, in this order:

1. "getting to know each other" until it has shared a sheet of each tool of that step (tools
   1-4, the registry's `Step.GET_TO_KNOW`);
2. "learning questions" until its tool 5 table is shared;
3. "exchange" once it is shared, until a delegation of it (visiting or hosting, not withdrawn)
   exists on a site visit;
4. "site visit" from the delegation until the visit's last day has passed (a later visit
   planned brings it back here);
5. "deepening" when, after its last visit (on or after the visit's first day), one of its
   questions was reformulated because of the visit or of what was applied (trigger
   `site_visit` or `application`); the cycle then loops: once the partner responds to its
   questions after that reformulation it is at "exchange" again, until the next visit;
6. "application" otherwise after the visit: while it has open actions in its action plans, and
   also when it has none left, until a reformulation deepens its questions.

What needs attention (`Attention`), most urgent first: before a visit, the terms of reference
to validate (the visiting municipality) or to sign (the host) and the Must-have sub-questions
its programme leaves without an activity; then the overdue tasks and actions; then the tools
waiting for review or returned for changes; then the open sub-questions and an exchange quiet
for a month. Cards are ordered by those counts, level by level.

Partners talking without the consultant: per partnership, the held meetings recorded as held
by the partners themselves (`Meeting.without_consultant`) and the responses each side wrote to
the other's questions in the exchange (only a municipality's team writes its responses).

Who sees what: a consultant the municipalities of the partnerships they coach, the programme's
staff every municipality of their programmes (with the balance of political and technical
participants at its meetings and its attendance), a superuser everything. The querysets are
narrowed to those (programme, municipality) pairs, all of which these readers read in full.

The queries are as many whatever the size of the programme: the partnerships, every tool's
sheets (`readable_sheets`), the delegations with their gaps (`with_gap_counts`), then one
grouped query each for the sub-questions, the exchange, the reformulations, the meetings, the
tasks, the actions and, for staff, the attendance.
"""

import datetime
import functools
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, F, Max, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from learning.tools.learning_questions import LearningQuestion, SubQuestion
from learning.tools.learning_questions import Response as ExchangeResponse
from learning.tools.registry import Step, tools
from learning.views.overview import readable_sheets
from learning.workflows import Status
from partnerships.access import Access
from partnerships.models import LocalGovernment, Partnership, User
from visits.coverage import with_gap_counts
from visits.models import Action, Delegation, TermsOfReference

from .models import Attendance, Meeting, Task

# An exchange this quiet is worth a word from the consultant.
QUIET_FOR = datetime.timedelta(days=30)
TO_REVIEW = {Status.SHARED, Status.CHANGED}
OPEN_ACTIONS = (Action.Status.PLANNED, Action.Status.IN_PROGRESS)
DEEPENING_TRIGGERS = (LearningQuestion.Trigger.SITE_VISIT, LearningQuestion.Trigger.APPLICATION)

# Levels of attention, most urgent first.
BEFORE_VISIT, OVERDUE, TOOLS, EXCHANGE = range(4)
LEVELS = 4


class Position:
    """The steps of the cycle as the dashboard shows them: the registry's steps, and
    deepening, after which the cycle loops to the exchange."""

    GET_TO_KNOW = Step.GET_TO_KNOW.value
    LEARNING_QUESTIONS = Step.LEARNING_QUESTIONS.value
    EXCHANGE = Step.EXCHANGE.value
    SITE_VISIT = Step.SITE_VISIT.value
    APPLY = Step.APPLY.value
    DEEPENING = "deepening"

    ORDER = (GET_TO_KNOW, LEARNING_QUESTIONS, EXCHANGE, SITE_VISIT, APPLY, DEEPENING)
    LABELS = {
        **{step.value: step.label for step in Step},
        DEEPENING: _("Deepening the learning questions"),
    }


@dataclass
class Attention:
    level: int
    count: int
    text: str
    url: str = ""


@dataclass
class ToolState:
    tool: object
    sheets: list  # (sheet, name) pairs, latest last
    # For the card: the tool's title, the latest sheet's status and link.
    title: str = ""
    status_label: str = ""
    url: str = ""

    @property
    def latest(self):
        return self.sheets[-1][0] if self.sheets else None

    @property
    def is_shared(self):
        return any(sheet.status in sheet.workflow.shared for sheet, _name in self.sheets)


@dataclass
class Upcoming:
    """A delegation of a visit to come, as far as the dashboard needs it."""

    pk: int
    visitor_id: int
    has_table: bool
    gap_count: int

    def get_absolute_url(self):
        return reverse("visits:delegation_detail", kwargs={"pk": self.pk})


@dataclass
class PartnerTalk:
    """How the two sides of a partnership talk without the consultant."""

    partnership: object
    partner: object
    direct_meetings: int = 0
    responses: int = 0
    last: datetime.datetime | None = None

    @property
    def talking(self):
        return bool(self.direct_meetings or self.responses)


@dataclass
class Card:
    programme: object
    local_government: object
    partners: list = field(default_factory=list)  # PartnerTalk per partnership
    # tool slug -> the statuses of its sheets the reader reads, for every card; the sheets
    # themselves (`tools`) are read for the cards shown.
    statuses: dict = field(default_factory=dict)
    position: str = Position.GET_TO_KNOW
    open_subquestions: int = 0
    partly_answered: int = 0
    delegations: list = field(default_factory=list)  # Upcoming: of visits to come
    to_validate: list = field(default_factory=list)  # ids of terms of reference
    to_sign: list = field(default_factory=list)
    gaps: int = 0
    overdue_tasks: int = 0
    open_actions: int = 0
    overdue_actions: int = 0
    last_exchange: datetime.datetime | None = None
    last_received: datetime.datetime | None = None
    meetings: dict = field(default_factory=dict)  # kind -> held meetings
    balance: dict | None = None  # staff: profile -> people who attended
    invited: int = 0
    attended: int = 0
    # Filled while reading, for the position.
    ended_visits: list = field(default_factory=list)  # their first days
    last_deepening: datetime.date | None = None
    today: datetime.date | None = None
    board: object = field(default=None, repr=False)
    _tools: list | None = field(default=None, repr=False)

    @property
    def tools(self):
        """ToolState per registered tool: the sheets with their names and links, read with
        the other cards of the page (`Dashboard.read_tools`)."""
        if self._tools is None:
            self.board.read_tools([self])
        return self._tools

    @property
    def key(self):
        return (self.programme.pk, self.local_government.pk)

    @property
    def position_label(self):
        return self.board.labels["position"][self.position]

    @property
    def position_index(self):
        return Position.ORDER.index(self.position) + 1

    @functools.cached_property
    def attention(self):
        """What needs attention, most urgent first: worded and linked only for the cards a
        page shows."""
        return needs_attention(self, self.today)

    @functools.cached_property
    def urgency(self):
        """How much needs attention at each level, as `attention` counts it, from the counts
        read (every card is ordered by it, few are shown)."""
        before_visit = len(self.to_validate) + len(self.to_sign)
        before_visit += sum(
            delegation.gap_count
            for delegation in self.delegations
            if delegation.visitor_id == self.local_government.pk and delegation.has_table
        )
        tools = sum(
            1
            for statuses in self.statuses.values()
            for status in statuses
            if status in TO_REVIEW or status == Status.RETURNED
        )
        exchange = self.open_subquestions + (1 if self.is_quiet else 0)
        return (before_visit, self.overdue_tasks + self.overdue_actions, tools, exchange)

    @property
    def is_quiet(self):
        """At the exchange or later, without an exchange for a month."""
        exchanging = Position.ORDER.index(self.position) >= Position.ORDER.index(Position.EXCHANGE)
        return exchanging and (
            self.last_exchange is None or self.last_exchange < timezone.now() - QUIET_FOR
        )

    @property
    def balance_rows(self):
        """Staff: the people of its team who attended, by profile."""
        if self.balance is None:
            return []
        labels = self.board.labels["profile"]
        return [(label, self.balance.get(value, 0)) for value, label in labels]

    @property
    def meeting_rows(self):
        labels = self.board.labels["meeting"]
        return [(label, self.meetings.get(kind, 0)) for kind, label in labels]


@dataclass
class Dashboard:
    cards: list
    programmes: list
    is_staff: bool
    network: dict  # programme id -> held knowledge-network meetings
    user: object = None
    programme: object = None

    @functools.cached_property
    def labels(self):
        """The labels the cards show, translated once for the page."""
        return {
            "position": {key: str(label) for key, label in Position.LABELS.items()},
            "profile": [
                (value, str(label))
                for value, label in (*User.Profile.choices, ("", _("profile not given")))
            ],
            "meeting": [(kind, str(label)) for kind, label in Meeting.Kind.choices],
        }

    def page(self, number, per_page):
        """The page `number` of the cards, with their sheets read (one query)."""
        page = Paginator(self.cards, per_page).get_page(number)
        self.read_tools(page.object_list)
        return page

    def read_tools(self, cards):
        """Each card's sheets of each tool, with their names and links, latest last."""
        cards = [card for card in cards if card._tools is None]
        if not cards:
            return
        lg_ids = sorted({card.local_government.pk for card in cards})
        sheets = readable_sheets(self.user, lg_ids, self.programme)
        listed = list(tools())
        # Translated once for the page rather than on each card.
        titles = {tool.slug: str(tool.title) for tool in listed}
        labels = {
            tool.slug: {
                value: str(label)
                for value, label in tool.model._meta.get_field("status").flatchoices
            }
            for tool in listed
        }
        for card in cards:
            programme_id, lg = card.key
            card._tools = []
            for tool in listed:
                state = ToolState(
                    tool,
                    [
                        entry
                        for entry in sheets.get((tool.slug, lg), [])
                        if entry[0].programme_id == programme_id
                    ],
                    title=titles[tool.slug],
                )
                if (latest := state.latest) is not None:
                    state.status_label = labels[tool.slug].get(latest.status, latest.status)
                    state.url = latest.get_absolute_url()
                card._tools.append(state)

    @property
    def positions(self):
        """How many municipalities stand at each step, in the cycle's order."""
        counts = dict.fromkeys(Position.ORDER, 0)
        for card in self.cards:
            counts[card.position] += 1
        return [(Position.LABELS[key], count) for key, count in counts.items()]


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


def follows(user, programme=None):
    """Whether the dashboard has anything for `user` (in `programme`, when given)."""
    access = Access.of(user)
    if access.superuser:
        return True
    if programme is None:
        return bool(access.staff_of or access.coached_partnerships)
    return programme.pk in access.staff_of or programme.pk in access.coached


def build(user, programme=None, *, today=None):
    today = today or timezone.localdate()
    access = Access.of(user)
    cards, programmes = {}, {}
    for partnership in scope(user, programme):
        programmes[partnership.programme_id] = partnership.programme
        for side, partner in (
            (partnership.north, partnership.south),
            (partnership.south, partnership.north),
        ):
            key = (partnership.programme_id, side.pk)
            card = cards.setdefault(key, Card(partnership.programme, side))
            card.partners.append(PartnerTalk(partnership, partner))
    staff_of = set(programmes) if access.superuser else set(programmes) & access.staff_of
    network = {}
    if cards:
        lg_ids = sorted({lg for _programme, lg in cards})
        programme_ids = sorted(programmes)
        _read_statuses(cards, user, lg_ids, programme_ids)
        _read_delegations(cards, lg_ids, programme_ids, today)
        _read_subquestions(cards, lg_ids, programme_ids)
        _read_exchange(cards, lg_ids, programme_ids)
        _read_deepening(cards, lg_ids, programme_ids)
        network = _read_meetings(cards, user, lg_ids, programme_ids)
        _read_tasks(cards, user, lg_ids, programme_ids, today)
        _read_actions(cards, lg_ids, programme_ids, today)
        if staff_of:
            _read_attendance(cards, lg_ids, sorted(staff_of))
    board = Dashboard(
        cards=[],
        programmes=list(programmes.values()),
        is_staff=bool(staff_of),
        network=network,
        user=user,
        programme=programme,
    )
    for card in cards.values():
        card.position = position(card, today)
        card.today, card.board = today, board
    ordered = sorted(
        cards.values(),
        key=lambda card: (
            tuple(-count for count in card.urgency),
            card.programme.name,
            card.local_government.name,
        ),
    )
    board.cards = ordered
    return board


def position(card, today):
    """Where the municipality stands in the cycle (the rules of the module's docstring)."""

    def shared(step):
        """Whether a sheet of each tool of `step` is shared."""
        return all(
            any(status in shared for status in card.statuses.get(slug, ()))
            for slug, shared in _tools_of(step)
        )

    if not shared(Step.GET_TO_KNOW):
        return Position.GET_TO_KNOW
    if not shared(Step.LEARNING_QUESTIONS):
        return Position.LEARNING_QUESTIONS
    if card.delegations:
        return Position.SITE_VISIT
    if not card.ended_visits:
        return Position.EXCHANGE
    last_visit = max(card.ended_visits)
    if card.last_deepening is not None and card.last_deepening >= last_visit:
        received = card.last_received and timezone.localdate(card.last_received)
        if received and received > card.last_deepening:
            return Position.EXCHANGE
        return Position.DEEPENING
    return Position.APPLY


@functools.cache
def _tools_of(step):
    """(slug, shared statuses) of each tool of `step`."""
    return [(tool.slug, set(tool.model.workflow.shared)) for tool in tools() if tool.step == step]


def needs_attention(card, today):
    """What needs attention on `card`, most urgent first (`Card.urgency` counts the same)."""
    items = []

    def add(level, count, text, url=""):
        if count:
            items.append(Attention(level, count, text, url))

    for terms in card.to_validate:
        add(BEFORE_VISIT, 1, _("Terms of reference to validate"), _terms_url(terms))
    for terms in card.to_sign:
        add(BEFORE_VISIT, 1, _("Terms of reference to sign"), _terms_url(terms))
    for delegation in card.delegations:
        if delegation.visitor_id == card.local_government.pk and delegation.has_table:
            count = delegation.gap_count
            text = ngettext(
                "%(count)s Must-have sub-question without an activity",
                "%(count)s Must-have sub-questions without an activity",
                count,
            ) % {"count": count}
            add(BEFORE_VISIT, count, text, delegation.get_absolute_url())
    count = card.overdue_tasks
    text = ngettext("%(count)s overdue task", "%(count)s overdue tasks", count)
    add(OVERDUE, count, text % {"count": count})
    count = card.overdue_actions
    text = ngettext("%(count)s overdue action", "%(count)s overdue actions", count)
    add(OVERDUE, count, text % {"count": count})
    for state in card.tools:
        for sheet, name in state.sheets:
            if sheet.status in TO_REVIEW:
                text = _("%(sheet)s: waiting for review") % {"sheet": name}
                add(TOOLS, 1, text, sheet.get_absolute_url())
            elif sheet.status == Status.RETURNED:
                text = _("%(sheet)s: returned for changes") % {"sheet": name}
                add(TOOLS, 1, text, sheet.get_absolute_url())
    count = card.open_subquestions
    text = ngettext("%(count)s open sub-question", "%(count)s open sub-questions", count)
    add(EXCHANGE, count, text % {"count": count})
    if card.is_quiet:
        add(EXCHANGE, 1, _("No exchange for a month"))
    items.sort(key=lambda item: item.level)
    return items


def _terms_url(pk):
    return TermsOfReference(pk=pk).get_absolute_url()


def _read_statuses(cards, user, lg_ids, programme_ids):
    """Each card's statuses of its sheets of each tool that `user` reads: one query over every
    tool's sheets and owners, read by the same rule as each tool's `visible_to(user)`
    (`Access.reads`, as `readable_sheets` does), without building the sheets."""
    quote = connection.ops.quote_name
    listed = list(tools())
    lg_table = quote(LocalGovernment._meta.db_table)
    in_owners, params = _one_of("id", lg_ids)
    in_programmes = ", ".join(["%s"] * len(programme_ids))
    branches = []
    for index, tool in enumerate(listed):
        model = tool.model
        owners = model._meta.get_field("owners")
        through = quote(owners.remote_field.through._meta.db_table)
        sheet_id, owner_id = quote(owners.m2m_column_name()), quote(owners.m2m_reverse_name())
        pk = quote(model._meta.pk.column)
        programme = f"s.{quote(model._meta.get_field('programme').column)}"
        branches.append(
            f"SELECT {index}, s.{pk}, {programme}, s.status, o.{owner_id}"
            f" FROM {quote(model._meta.db_table)} s"
            f" JOIN {through} o ON o.{sheet_id} = s.{pk}"
            f" WHERE {programme} IN ({in_programmes}) AND s.{pk} IN"
            f" (SELECT {sheet_id} FROM {through} WHERE {owner_id} IN (SELECT id FROM chosen))"
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


def _read_delegations(cards, lg_ids, programme_ids, today):
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


def _read_subquestions(cards, lg_ids, programme_ids):
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


def _read_exchange(cards, lg_ids, programme_ids):
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


def _read_deepening(cards, lg_ids, programme_ids):
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


def _read_meetings(cards, user, lg_ids, programme_ids):
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


def _read_tasks(cards, user, lg_ids, programme_ids, today):
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


def _read_actions(cards, lg_ids, programme_ids, today):
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


def _read_attendance(cards, lg_ids, programme_ids):
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
