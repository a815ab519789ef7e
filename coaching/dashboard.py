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
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from learning.tools.learning_questions import LearningQuestion, SubQuestion
from learning.tools.learning_questions import Response as ExchangeResponse
from learning.tools.registry import Step, tools
from learning.views.overview import readable_sheets
from learning.workflows import Status
from partnerships.access import Access
from partnerships.models import Partnership, User
from visits.coverage import with_gap_counts
from visits.models import Action, Delegation

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

    @property
    def latest(self):
        return self.sheets[-1][0] if self.sheets else None

    @property
    def is_shared(self):
        return any(sheet.status in sheet.workflow.shared for sheet, _name in self.sheets)


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
    tools: list = field(default_factory=list)  # ToolState per registered tool
    position: str = Position.GET_TO_KNOW
    open_subquestions: int = 0
    partly_answered: int = 0
    delegations: list = field(default_factory=list)  # of visits to come, with gap_count
    to_validate: list = field(default_factory=list)
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
    attention: list = field(default_factory=list)
    # Filled while reading, for the position.
    ended_visits: list = field(default_factory=list)
    last_deepening: datetime.date | None = None

    @property
    def key(self):
        return (self.programme.pk, self.local_government.pk)

    @property
    def position_label(self):
        return Position.LABELS[self.position]

    @property
    def position_index(self):
        return Position.ORDER.index(self.position) + 1

    @property
    def urgency(self):
        counts = [0] * LEVELS
        for item in self.attention:
            counts[item.level] += item.count
        return tuple(counts)

    @property
    def balance_rows(self):
        """Staff: the people of its team who attended, by profile."""
        if self.balance is None:
            return []
        labels = [*User.Profile.choices, ("", _("profile not given"))]
        return [(label, self.balance.get(value, 0)) for value, label in labels]

    @property
    def meeting_rows(self):
        return [(label, self.meetings.get(kind, 0)) for kind, label in Meeting.Kind.choices]


@dataclass
class Dashboard:
    cards: list
    programmes: list
    is_staff: bool
    network: dict  # programme id -> held knowledge-network meetings

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
            Q(programme__in=sorted(access.staff_of)) | Q(pk__in=sorted(access.coached_partnerships))
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
        _read_tools(cards, user, lg_ids, programme)
        _read_delegations(cards, lg_ids, programme_ids, today)
        _read_subquestions(cards, lg_ids, programme_ids)
        _read_exchange(cards, lg_ids, programme_ids)
        _read_deepening(cards, lg_ids, programme_ids)
        network = _read_meetings(cards, user, lg_ids, programme_ids)
        _read_tasks(cards, user, lg_ids, programme_ids, today)
        _read_actions(cards, lg_ids, programme_ids, today)
        if staff_of:
            _read_attendance(cards, lg_ids, sorted(staff_of))
    for card in cards.values():
        card.position = position(card, today)
        card.attention = attention(card, today)
    ordered = sorted(
        cards.values(),
        key=lambda card: (
            tuple(-count for count in card.urgency),
            card.programme.name,
            card.local_government.name,
        ),
    )
    return Dashboard(
        cards=ordered,
        programmes=list(programmes.values()),
        is_staff=bool(staff_of),
        network=network,
    )


def position(card, today):
    """Where the municipality stands in the cycle (the rules of the module's docstring)."""
    get_to_know = [state for state in card.tools if state.tool.step == Step.GET_TO_KNOW]
    if not all(state.is_shared for state in get_to_know):
        return Position.GET_TO_KNOW
    questions = [state for state in card.tools if state.tool.step == Step.LEARNING_QUESTIONS]
    if not all(state.is_shared for state in questions):
        return Position.LEARNING_QUESTIONS
    if card.delegations:
        return Position.SITE_VISIT
    if not card.ended_visits:
        return Position.EXCHANGE
    last_visit = max(card.ended_visits, key=lambda visit: visit.start_date)
    if card.last_deepening is not None and card.last_deepening >= last_visit.start_date:
        received = card.last_received and timezone.localdate(card.last_received)
        if received and received > card.last_deepening:
            return Position.EXCHANGE
        return Position.DEEPENING
    return Position.APPLY


def attention(card, today):
    """What needs attention on `card`, most urgent first."""
    items = []

    def add(level, count, text, url=""):
        if count:
            items.append(Attention(level, count, text, url))

    for terms in card.to_validate:
        add(BEFORE_VISIT, 1, _("Terms of reference to validate"), terms.get_absolute_url())
    for terms in card.to_sign:
        add(BEFORE_VISIT, 1, _("Terms of reference to sign"), terms.get_absolute_url())
    for delegation in card.delegations:
        if delegation.visitor_id == card.local_government.pk and _has_table(delegation):
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
    exchanging = Position.ORDER.index(card.position) >= Position.ORDER.index(Position.EXCHANGE)
    if exchanging and (
        card.last_exchange is None or card.last_exchange < timezone.now() - QUIET_FOR
    ):
        add(EXCHANGE, 1, _("No exchange for a month"))
    items.sort(key=lambda item: item.level)
    return items


def _has_table(delegation):
    return getattr(delegation, "activitytable", None) is not None


def _read_tools(cards, user, lg_ids, programme):
    sheets = readable_sheets(user, lg_ids, programme)
    listed = list(tools())
    for (programme_id, lg), card in cards.items():
        card.tools = [
            ToolState(
                tool,
                [
                    entry
                    for entry in sheets.get((tool.slug, lg), [])
                    if entry[0].programme_id == programme_id
                ],
            )
            for tool in listed
        ]


def _read_delegations(cards, lg_ids, programme_ids, today):
    delegations = with_gap_counts(
        Delegation.objects.active()
        .filter(visit__programme__in=programme_ids)
        .filter(Q(visitor__in=lg_ids) | Q(host__in=lg_ids))
        .select_related("visit", "visitor", "host", "activitytable", "termsofreference")
        .order_by("visit__start_date", "pk")
    )
    for delegation in delegations:
        for side in (delegation.visitor_id, delegation.host_id):
            card = cards.get((delegation.visit.programme_id, side))
            if card is None:
                continue
            if delegation.visit.end_date < today:
                card.ended_visits.append(delegation.visit)
                continue
            card.delegations.append(delegation)
            terms = getattr(delegation, "termsofreference", None)
            if terms is None:
                continue
            if terms.status == Status.DRAFT and side == delegation.visitor_id:
                card.to_validate.append(terms)
            elif terms.status == Status.VALIDATED and side == delegation.host_id:
                card.to_sign.append(terms)
        card = cards.get((delegation.visit.programme_id, delegation.visitor_id))
        if card is not None and delegation.visit.end_date >= today and _has_table(delegation):
            card.gaps += delegation.gap_count


def _read_subquestions(cards, lg_ids, programme_ids):
    rows = (
        SubQuestion.objects.filter(
            question__status=LearningQuestion.Status.ACTIVE,
            question__table__programme__in=programme_ids,
            question__table__owners__in=lg_ids,
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
        ExchangeResponse.objects.filter(question__table__programme__in=programme_ids)
        .filter(Q(local_government__in=lg_ids) | Q(question__table__owners__in=lg_ids))
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
            table__programme__in=programme_ids,
            table__owners__in=lg_ids,
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
        .filter(programme__in=programme_ids, status=Meeting.Status.HELD)
        .filter(
            Q(local_government__in=lg_ids)
            | Q(partnership__in=partnership_ids)
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
            programme__in=programme_ids,
            owner_local_government__in=lg_ids,
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
            sheet__delegation__visit__programme__in=programme_ids,
            sheet__delegation__visitor__in=lg_ids,
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
            meeting__programme__in=programme_ids,
            meeting__status=Meeting.Status.HELD,
            user__memberships__local_government__in=lg_ids,
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
