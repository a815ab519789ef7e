"""The dashboard of a reader (`build`): every card read and ordered by urgency, the sheets of
the cards of a page read with them (`Dashboard.page`), and whether the reader has a dashboard
at all (`follows`)."""

import functools
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learning.tools.registry import tools
from learning.views.overview import readable_sheets
from partnerships.access import Access
from partnerships.models import User

from ..models import Meeting
from . import reads
from .cards import Card, PartnerTalk, Position, ToolState, position


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


def follows(user, programme=None):
    """Whether the dashboard has anything for `user` (in `programme`, when given)."""
    access = Access.of(user)
    if access.superuser:
        return True
    if programme is None:
        return bool(access.staff_of or access.coached_partnerships)
    return programme.pk in access.staff_of or programme.pk in access.coached


def build(user, programme=None, *, today=None):
    """The dashboard of `user` (in `programme` when given): a card per municipality they
    follow, read in as many queries whatever their number, the most urgent first."""
    today = today or timezone.localdate()
    access = Access.of(user)
    cards, programmes = {}, {}
    for partnership in reads.scope(user, programme):
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
        reads.read_statuses(cards, user, lg_ids, programme_ids)
        reads.read_delegations(cards, lg_ids, programme_ids, today)
        reads.read_subquestions(cards, lg_ids, programme_ids)
        reads.read_exchange(cards, lg_ids, programme_ids)
        reads.read_deepening(cards, lg_ids, programme_ids)
        network = reads.read_meetings(cards, user, lg_ids, programme_ids)
        reads.read_tasks(cards, user, lg_ids, programme_ids, today)
        reads.read_actions(cards, lg_ids, programme_ids, today)
        if staff_of:
            reads.read_attendance(cards, lg_ids, sorted(staff_of))
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
