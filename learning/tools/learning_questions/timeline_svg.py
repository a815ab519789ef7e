"""A family of wordings (timeline.py) drawn as an SVG, for the page and for the PDF: lanes and
dots on the left, each wording beside its dot with a line saying when and how it came about.

The text is wrapped here, by a number of characters, so that the drawing needs no script and
WeasyPrint draws it as a browser does. Coordinates are in the units of the SVG's viewBox,
360 wide: on a phone's screen about as many pixels, so the wordings read at about 13 px.
Labels are translated when drawn: draw in the language of the page or PDF.

A PDF gets the same drawing in another form: the lanes and dots alone as an image, and the
wordings as text beside them, one block per wording (`DrawnNode.printed_*`). WeasyPrint lays
out the text of an SVG one letter at a time, and the wordings of a long history took seconds;
as text, they cost what a paragraph costs, and a history longer than a page goes on the next
one between two wordings, its lanes continuing."""

import textwrap
from base64 import b64encode
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
# Where the first baseline of a line of DejaVu Sans falls in its line box, in units of the font
# size: half the leading, then the ascent (0.928 of the size; the descent is 0.236). The PDF's
# text blocks are placed so that their baselines fall where the SVG's would.
ASCENT, DESCENT = 0.928, 0.236


def printed(value):
    """A length of the drawing in the PDF's CSS pixels."""
    return round(value * PRINTED_SCALE, 2)


def baseline_offset(font, line):
    return (line - font * (ASCENT + DESCENT)) / 2 + font * ASCENT


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
    top: float = 0  # the band of the drawing the wording takes, from its top
    height: float = 0

    @property
    def wording(self):
        return self.node.wording

    @property
    def dot(self):
        """How the dot looks: "current" (filled), "replaced" (hollow) or "dropped" (grey,
        crossed); a stub's is dashed."""
        return self.node.status if self.node.status != "active" else "current"

    @property
    def printed_top(self):
        return printed(self.top)

    @property
    def printed_height(self):
        return printed(self.height)

    @property
    def printed_padding(self):
        """The space above the wording's text in its band of the PDF, so that its first
        baseline falls where the SVG draws it."""
        first = self.lines[0].y - self.top
        return printed(max(0, first - baseline_offset(FONT, LINE)))

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

    @property
    def printed_text_x(self):
        return printed(self.text_x)

    @property
    def printed_fonts(self):
        """The wording's and its line's font size and line height in the PDF, in pixels."""
        return [printed(size) for size in (FONT, LINE, META_FONT, META_LINE)]

    @property
    def lanes_image(self):
        """The lanes and dots without the text, as the data: URL of an SVG image: the
        background of each wording's band in a PDF."""
        svg = lanes_svg(self).encode()
        return f"data:image/svg+xml;base64,{b64encode(svg).decode('ascii')}"


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
        top = y - GAP / 2 if drawn else 0
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
            top=top,
        )
        y = meta_top + (len(meta) - 1) * META_LINE + 4 + GAP
    edges = [
        DrawnEdge(
            d=edge_path(drawn[edge.parent.pk], drawn[edge.child.pk]),
            colour=LANE_COLOURS[edge.parent.lane % len(LANE_COLOURS)],
        )
        for edge in family.edges
    ]
    height = round(y - GAP + MARGIN)
    bands = list(drawn.values())
    for band, below in zip(bands, [*bands[1:], None], strict=True):
        band.height = (below.top if below else height) - band.top
    return Drawing(
        id=f"family-{family.nodes[0].pk}",
        width=round(width),
        height=height,
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


def lanes_svg(drawing):
    """The drawing's links and dots, as the page's template draws them, without the text."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {drawing.width} '
        f'{drawing.height}" width="{drawing.width}" height="{drawing.height}">'
    ]
    parts += [
        f'<path d="{edge.d}" fill="none" stroke="{edge.colour}" stroke-width="2"/>'
        for edge in drawing.edges
    ]
    for drawn in drawing.nodes:
        circle = f'<circle cx="{drawn.x:g}" cy="{drawn.y:g}" r="{drawing.radius:g}" '
        if drawn.node.is_stub:
            parts.append(
                f'{circle}fill="#fff" stroke="{GREY}" stroke-width="1.5" stroke-dasharray="2 2"/>'
            )
        elif drawn.dot == "current":
            parts.append(f'{circle}fill="{PRIMARY}"/>')
        elif drawn.dot == "dropped":
            parts.append(f'{circle}fill="{GREY}"/>')
            parts.append(f'<path d="{drawn.cross}" stroke="#fff" stroke-width="1.5"/>')
        else:
            parts.append(f'{circle}fill="#fff" stroke="{PRIMARY}" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def draw_families(families):
    """Draw each family (its wordings read, see timeline.read_wordings) in its `drawing`."""
    for family in families:
        family.drawing = draw(family)
    return families
