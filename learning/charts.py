"""Charts drawn on the server as SVG, so the page, the print view and the PDF show the same picture.

Plain functions: data in, a drawing out. A drawing keeps its shapes and its texts apart: the
page and the print view get it as one SVG, texts included (`StrategyChart.svg`); a PDF gets the
shapes alone as an image (`StrategyChart.picture_url`) with the texts as HTML text laid over it
at the same places (`StrategyChart.printed_labels`). WeasyPrint lays out the text of an SVG one
letter at a time, and each HTML element costs it about half a millisecond of styling: the
chart's texts take a few elements in a PDF (the values of an axis are one text), and its lines
a few paths. Every text is escaped; every label is translatable.
"""

from base64 import b64encode
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _

WIDTH = 480
LEFT, RIGHT, TOP = 64, 16, 16
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_HEIGHT = 360
AXIS_AREA = 64
LEGEND_LINE = 18
LEGEND_CHARS = 64
POINT_COLOUR = "#0d6efd"
GREY = "#495057"  # the axes' values
FONT = 12  # the texts' size, in the drawing's units (CSS pixels in a PDF)
# A PDF's labels: the line height of their boxes, and where the first baseline falls in such a
# box, in units of the font size (DejaVu Sans, the print stylesheets' font: half the leading,
# then the ascent of 0.928; the descent is 0.236). A label's box is placed so that its baseline
# falls where the SVG's text would.
PRINTED_LINE = 14
ASCENT, DESCENT = 0.928, 0.236
# A centred or right-aligned label's box in a PDF: wide enough for the longest axis title.
LABEL_BOX = PLOT_HEIGHT
DIGIT = 0.636 * FONT  # the width of a digit (DejaVu Sans' digits all have the same)


def _x(value):
    return LEFT + (value - 0.5) / 10 * PLOT_WIDTH


def _y(value):
    return TOP + (10.5 - value) / 10 * PLOT_HEIGHT


def _one_line(text):
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Label:
    """One text of a drawing: where its baseline starts, ends or is centred (`anchor`, as SVG's
    text-anchor), and how it looks. `number`, when given, goes before the text in bold (a
    legend's line); a `rotated` label is turned a quarter to the left around its anchor point."""

    x: float
    y: float
    text: str
    anchor: str = "start"
    colour: str = "#212529"
    bold: bool = False
    number: str = ""
    rotated: bool = False

    def svg(self):
        weight = ' font-weight="bold"' if self.bold else ""
        turn = f' transform="rotate(-90 {self.x:.1f} {self.y:.1f})"' if self.rotated else ""
        number = f'<tspan font-weight="bold">{self.number}.</tspan> ' if self.number else ""
        return (
            f'<text x="{self.x:.1f}" y="{self.y:.1f}" text-anchor="{self.anchor}"{weight} '
            f'fill="{self.colour}"{turn}>{number}{escape(self.text)}</text>'
        )

    @property
    def printed_style(self):
        """The inline style of the label's box in a PDF, in a box whose top left corner is the
        drawing's. Every label is placed by its left edge, so that the box needs no width."""
        return printed_style(self.x, self.y, self.anchor, self.colour, self.bold, self.rotated)


def printed_style(x, y, anchor, colour, bold=False, rotated=False, line=PRINTED_LINE, font=FONT):
    """A label's box placed so that the baseline of its first line of text falls at `y`, and
    the text starts, is centred or ends at `x` (`anchor`, as SVG's text-anchor). `font` is the
    size of the drawing's texts (the figure's font size); a label whose lines are not
    PRINTED_LINE apart (the figure's line height) sets its own."""
    top = y - _baseline(line, font)
    if anchor == "middle":
        place = f"left:{x - LABEL_BOX / 2:.1f}px;width:{LABEL_BOX}px;text-align:center"
    elif anchor == "end":
        place = f"left:{x - LABEL_BOX:.1f}px;width:{LABEL_BOX}px;text-align:right"
    else:
        place = f"left:{x:.1f}px"
    style = f"position:absolute;top:{top:.1f}px;{place};color:{colour}"
    if line != PRINTED_LINE:
        style += f";line-height:{line}px"
    if bold:
        style += ";font-weight:bold"
    if rotated:
        style += (
            f";transform-origin:{LABEL_BOX / 2}px {_baseline(line, font):.1f}px;"
            "transform:rotate(-90deg)"
        )
    return style


def picture_url(svg):
    """An SVG as the data: URL of an image, for a drawing's picture in a PDF: WeasyPrint reads
    an image with its XML parser and styles it as one box, where inline SVG goes through its
    HTML parser and its cascade element by element."""
    return f"data:image/svg+xml;base64,{b64encode(svg.encode()).decode('ascii')}"


def _baseline(line, font=FONT):
    """Where the first baseline falls in a box of text with this line height and font size."""
    return (line - font * (ASCENT + DESCENT)) / 2 + font * ASCENT


@dataclass(frozen=True)
class PrintedLabel:
    """A text of the chart in a PDF: its box's inline style and its text (lines apart by a
    newline, values across by a tab)."""

    style: str
    text: str
    number: str = ""


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    tooltip: str
    label: Label

    def svg(self):
        return (
            f'<g class="strategy-point"><title>{escape(self.tooltip)}</title>'
            f"{self.circle()}{self.label.svg()}</g>"
        )

    def circle(self):
        return (
            f'<circle cx="{self.x:.1f}" cy="{self.y:.1f}" r="6" fill="{POINT_COLOUR}" '
            f'stroke="#fff" stroke-width="1.5"/>'
        )


@dataclass(frozen=True)
class StrategyChart:
    """The strategy chart, drawn: its size, its title, its points and its other texts (the
    axes' titles, the legend); the axes' values are 1 to 10."""

    height: int
    title: str
    points: tuple
    labels: tuple
    width: int = WIDTH
    font = FONT
    line = PRINTED_LINE

    def svg(self):
        """The whole chart as one accessible SVG: for the page and the print view."""
        title = escape(self.title)
        texts = [label for label in self.labels if not label.number]
        legend = [label for label in self.labels if label.number]
        return "".join(
            [
                self._open(f' class="strategy-chart" role="img" aria-label="{title}"'),
                f"<title>{title}</title>",
                *self._shapes(),
                *(label.svg() for label in [*_values(), *texts]),
                *(point.svg() for point in self.points),
                *(label.svg() for label in legend),
                "</svg>",
            ]
        )

    def picture(self):
        """The chart's lines and dots without a text, for a PDF to lay `printed_labels` over."""
        circles = (point.circle() for point in self.points)
        return "".join([self._open(""), *self._shapes(), *circles, "</svg>"])

    @property
    def picture_url(self):
        return picture_url(self.picture())

    @property
    def printed_labels(self):
        """Every text of the chart for a PDF, in reading order: each axis's values (one text
        each, but the 10 across, which is wider than the other values), then its title; the
        legend; the points' numbers."""
        bottom = TOP + PLOT_HEIGHT
        step = PLOT_WIDTH / 10
        across = printed_style(_x(1) - DIGIT / 2, bottom + 16, "start", GREY)
        up_line = PLOT_HEIGHT / 10
        up = printed_style(LEFT - 8, _y(10) + 4, "end", GREY, line=up_line)
        ten = Label(_x(10), bottom + 16, "10", "middle", GREY)
        texts = [label for label in self.labels if not label.number]
        legend = [label for label in self.labels if label.number]
        return [
            PrintedLabel(f"{across};white-space:pre;tab-size:{step:.1f}px", "\t".join("123456789")),
            PrintedLabel(ten.printed_style, ten.text),
            PrintedLabel(f"{up};white-space:pre-line", "\n".join(str(v) for v in range(10, 0, -1))),
            *(PrintedLabel(label.printed_style, label.text) for label in texts),
            *(PrintedLabel(label.printed_style, label.text, label.number) for label in legend),
            *(PrintedLabel(point.label.printed_style, point.label.text) for point in self.points),
        ]

    def _open(self, attributes):
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg"{attributes} '
            f'viewBox="0 0 {self.width} {self.height}" width="{self.width}" '
            f'height="{self.height}" font-family="sans-serif" font-size="{FONT}">'
        )

    def _shapes(self):
        """The plot's frame, its grid (a path) and its middle lines (another)."""
        bottom, right = TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH
        grid = "".join(
            f"M{_x(v):.1f} {TOP}V{bottom}M{LEFT} {_y(v):.1f}H{right}" for v in range(1, 11)
        )
        middle_x, middle_y = _x(5.5), _y(5.5)
        return [
            f'<rect x="{LEFT}" y="{TOP}" width="{PLOT_WIDTH}" height="{PLOT_HEIGHT}" '
            f'fill="#f8f9fa" stroke="#6c757d"/>',
            f'<path d="{grid}" stroke="#dee2e6"/>',
            f'<path d="M{middle_x:.1f} {TOP}V{bottom}M{LEFT} {middle_y:.1f}H{right}" '
            f'stroke="#adb5bd" stroke-dasharray="4 4"/>',
        ]


def strategy_drawing(rows, *, legend=True):
    """Each strategy as a point: level of participation (quantity, 1-10) across, added value
    (quality, 1-10) up. `rows` holds (strategy text, quantity, quality) in table order; a point is
    labelled with its row number, and strategies with the same scores share one point.

    Without `legend`, the chart leaves out the list of numbered strategies below the plot, for a
    page whose table already numbers them (the PDF, where a long legend was taller than an A4
    page)."""
    groups = {}
    numbered = []
    for number, (text, quantity, quality) in enumerate(rows, start=1):
        if quantity is None or quality is None:
            continue
        key = (int(quantity), int(quality))
        groups.setdefault(key, []).append((number, _one_line(text)))
        numbered.append((number, _one_line(text)))

    show_legend = legend or not numbered  # with no point, the legend's place says so
    legend_lines = max(len(numbered), 1) if show_legend else 0
    labels = _axis_titles()
    if show_legend:
        labels += _legend(numbered)
    return StrategyChart(
        height=TOP + PLOT_HEIGHT + AXIS_AREA + LEGEND_LINE * legend_lines + 8,
        title=_("Strategies by level of participation and added value"),
        points=tuple(
            _point(quantity, quality, members)
            for (quantity, quality), members in sorted(groups.items())
        ),
        labels=tuple(labels),
    )


def strategy_chart(rows, *, legend=True):
    """The chart of `strategy_drawing` as one SVG string, its texts included."""
    return strategy_drawing(rows, legend=legend).svg()


def _values():
    """The values of the axis across, then those of the axis up."""
    bottom = TOP + PLOT_HEIGHT
    return [
        *(Label(_x(value), bottom + 16, str(value), "middle", GREY) for value in range(1, 11)),
        *(Label(LEFT - 8, _y(value) + 4, str(value), "end", GREY) for value in range(1, 11)),
    ]


def _axis_titles():
    across = _("Level of participation (quantity)")
    up = _("Added value (quality)")
    return [
        Label(LEFT + PLOT_WIDTH / 2, TOP + PLOT_HEIGHT + 40, across, "middle", bold=True),
        Label(18, TOP + PLOT_HEIGHT / 2, up, "middle", bold=True, rotated=True),
    ]


def _point(quantity, quality, members):
    x, y = _x(quantity), _y(quality)
    label = ", ".join(str(number) for number, _text in members)
    tooltip = "\n".join(f"{number}. {text}" for number, text in members)
    # Labels of points on the right edge go to the left, so they stay inside the chart.
    if quantity >= 9:
        label_x, anchor = x - 9, "end"
    else:
        label_x, anchor = x + 9, "start"
    return Point(x, y, tooltip, Label(label_x, y - 7, label, anchor, "#052c65", bold=True))


def _legend(legend):
    top = TOP + PLOT_HEIGHT + AXIS_AREA
    if not legend:
        return [Label(LEFT, top + 12, _("No strategies scored yet."), colour="#6c757d")]
    return [
        Label(
            LEFT - 24,
            top + 12 + index * LEGEND_LINE,
            Truncator(text).chars(LEGEND_CHARS),
            number=str(number),
        )
        for index, (number, text) in enumerate(legend)
    ]
