"""A family of wordings (timeline.py) drawn as an SVG, for the page and for the PDF: lanes and
dots on the left, each wording beside its dot with a line saying when and how it came about.

The text is wrapped here, by a number of characters, so that the drawing needs no script and
WeasyPrint draws it as a browser does. Coordinates are in the units of the SVG's viewBox,
360 wide: on a phone's screen about as many pixels, so the wordings read at about 13 px.
Labels are translated when drawn: draw in the language of the page or PDF."""

import textwrap
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .models import LearningQuestion

WIDTH = 360
FONT, LINE, CHAR = 15, 19, 7.4  # the wording: size, line height, average character width
META_FONT, META_LINE, META_CHAR = 12.5, 16, 6.3  # the line about the wording
LANE, FIRST_LANE_X, DOT = 16, 10, 5.5
TOP, GAP, BEND, MARGIN = 6, 14, 12, 6
FEWEST_CHARACTERS = 24  # per line: more lanes widen the drawing rather than narrow the text
# Bootstrap's blue, purple, green, orange, pink and teal (static/vendor/bootstrap).
LANE_COLOURS = ("#0d6efd", "#6f42c1", "#198754", "#fd7e14", "#d63384", "#20c997")
PRIMARY, GREY = "#0d6efd", "#6c757d"
PRINTED_SCALE = 0.9  # in a PDF, 13.5 px: the 10 pt of print.css


def how_label(how):
    labels = {
        "added": pgettext("how a wording came about", "added"),
        "reworded": pgettext("how a wording came about", "reworded"),
        "split": pgettext("how a wording came about", "split"),
        "merged": pgettext("how a wording came about", "merged"),
        "moved": pgettext("how a wording came about", "moved to the joint table"),
    }
    return labels[how]


@dataclass
class Line:
    y: float
    text: str


@dataclass
class DrawnNode:
    node: object
    x: float
    y: float
    lines: list = field(default_factory=list)
    meta: list = field(default_factory=list)

    @property
    def wording(self):
        return self.node.wording

    @property
    def dot(self):
        """How the dot looks: "current" (filled), "replaced" (hollow) or "dropped" (grey,
        crossed); a stub's is dashed."""
        return self.node.status if self.node.status != "active" else "current"

    @property
    def cross(self):
        """The path of the cross on a dropped wording's dot."""
        arm = DOT * 0.6
        return (
            f"M{self.x - arm:g} {self.y - arm:g}L{self.x + arm:g} {self.y + arm:g}"
            f"M{self.x - arm:g} {self.y + arm:g}L{self.x + arm:g} {self.y - arm:g}"
        )


@dataclass
class DrawnEdge:
    d: str
    colour: str


@dataclass
class Drawing:
    id: str
    width: float
    height: float
    text_x: float
    nodes: list
    edges: list
    radius: float = DOT
    font: float = FONT
    meta_font: float = META_FONT
    primary: str = PRIMARY
    grey: str = GREY

    @property
    def printed_size(self):
        """Width and height in a PDF, which takes the SVG's size from its attributes: a
        wording as large as the text around it."""
        return round(self.width * PRINTED_SCALE), round(self.height * PRINTED_SCALE)


def lane_x(lane):
    return FIRST_LANE_X + lane * LANE


def meta_text(node):
    """When the wording was written, how it came about and what led to it, how it stands;
    for a stub, first whose table it is in."""
    wording = node.wording
    parts = []
    if node.is_stub:
        parts.append(", ".join(owner.name for owner in wording.table.owners.all()))
    parts.append(date_format(wording.changed_date))
    if node.is_home:
        parts.append(how_label(node.how))
    if wording.trigger:
        trigger = wording.get_trigger_display()
        parts.append(f"{trigger} ({wording.trigger_note})" if wording.trigger_note else trigger)
    if wording.status == LearningQuestion.Status.DROPPED:
        parts.append(_("dropped: %(reason)s") % {"reason": wording.dropped_reason})
    else:
        parts.append(wording.get_status_display())
    return "\N{NO-BREAK SPACE}· ".join(parts)  # a line never starts with the dot


def wrap(text, characters):
    return textwrap.wrap(text, width=characters, break_on_hyphens=False) or [""]


def draw(family):
    """The family's drawing: its size, dots with their wrapped text, and the links' paths."""
    text_x = lane_x(family.lanes - 1) + DOT + 8
    characters = max(FEWEST_CHARACTERS, int((WIDTH - text_x - MARGIN) / CHAR))
    width = max(WIDTH, text_x + characters * CHAR + MARGIN)
    meta_characters = int((width - text_x - MARGIN) / META_CHAR)
    drawn, y = {}, TOP
    for node in family.nodes:
        baseline = y + FONT - 1
        lines = wrap(node.wording.localized_text, characters)
        meta_top = baseline + len(lines) * LINE - 2
        meta = wrap(meta_text(node), meta_characters)
        drawn[node.pk] = DrawnNode(
            node=node,
            x=lane_x(node.lane),
            y=baseline - FONT / 3,
            lines=[Line(baseline + number * LINE, text) for number, text in enumerate(lines)],
            meta=[Line(meta_top + number * META_LINE, text) for number, text in enumerate(meta)],
        )
        y = meta_top + (len(meta) - 1) * META_LINE + 4 + GAP
    edges = [
        DrawnEdge(
            d=edge_path(drawn[edge.parent.pk], drawn[edge.child.pk]),
            colour=LANE_COLOURS[edge.parent.lane % len(LANE_COLOURS)],
        )
        for edge in family.edges
    ]
    return Drawing(
        id=f"family-{family.nodes[0].pk}",
        width=round(width),
        height=round(y - GAP + MARGIN),
        text_x=text_x,
        nodes=list(drawn.values()),
        edges=edges,
    )


def edge_path(parent, child):
    """From the parent's dot down its lane to the child's, turning into the child's lane
    just above it (a merge, or a branch of a split)."""
    path = f"M{parent.x:g} {parent.y:g}"
    if parent.x == child.x:
        return f"{path}V{child.y:g}"
    middle = child.y - BEND / 2
    return (
        f"{path}V{child.y - BEND:g}"
        f"C{parent.x:g} {middle:g} {child.x:g} {middle:g} {child.x:g} {child.y:g}"
    )


def draw_families(families):
    """Draw each family (its wordings read, see timeline.read_wordings) in its `drawing`."""
    for family in families:
        family.drawing = draw(family)
    return families
