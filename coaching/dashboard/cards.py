"""The dashboard's cards, one per municipality in a programme: what was read for it
(reads.py), where it stands in the cycle (`position`) and what needs attention
(`needs_attention`, counted for the order by `Card.urgency`), by the rules of the package's
docstring (coaching/dashboard/__init__.py)."""

import datetime
import functools
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from learning.tools.registry import Step, tools
from learning.workflows import Status
from visits.models import TermsOfReference

# An exchange this quiet is worth a word from the consultant.
QUIET_FOR = datetime.timedelta(days=30)
TO_REVIEW = {Status.SHARED, Status.CHANGED}

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


def position(card, today):
    """Where the municipality stands in the cycle (the rules of the package's docstring)."""

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
