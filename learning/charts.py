"""Charts drawn on the server as SVG, so the page, the print view and the PDF show the same picture.

Plain functions: data in, an SVG string out. Every text is escaped; every label is translatable.
"""

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


def _x(value):
    return LEFT + (value - 0.5) / 10 * PLOT_WIDTH


def _y(value):
    return TOP + (10.5 - value) / 10 * PLOT_HEIGHT


def _one_line(text):
    return " ".join(str(text).split())


def strategy_chart(rows, *, legend=True):
    """Each strategy as a point: level of participation (quantity, 1-10) across, added value
    (quality, 1-10) up. `rows` holds (strategy text, quantity, quality) in table order; a point is
    labelled with its row number, and strategies with the same scores share one point.

    Without `legend`, the chart leaves out the list of numbered strategies below the plot, for a
    page whose table already numbers them (the PDF: WeasyPrint lays out SVG text one letter at a
    time, and a long legend was most of a PDF's time and taller than an A4 page)."""
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
    height = TOP + PLOT_HEIGHT + AXIS_AREA + LEGEND_LINE * legend_lines + 8
    title = escape(_("Strategies by level of participation and added value"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="strategy-chart" role="img" '
        f'aria-label="{title}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f"<title>{title}</title>",
        f'<rect x="{LEFT}" y="{TOP}" width="{PLOT_WIDTH}" height="{PLOT_HEIGHT}" '
        f'fill="#f8f9fa" stroke="#6c757d"/>',
    ]
    parts += _grid()
    parts += _axis_titles()
    for (quantity, quality), members in sorted(groups.items()):
        parts.append(_point(quantity, quality, members))
    if show_legend:
        parts += _legend(numbered)
    parts.append("</svg>")
    return "".join(parts)


def _grid():
    parts = []
    bottom = TOP + PLOT_HEIGHT
    for value in range(1, 11):
        x, y = _x(value), _y(value)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{bottom}" stroke="#dee2e6"/>'
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + PLOT_WIDTH}" y2="{y:.1f}" '
            f'stroke="#dee2e6"/>'
            f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" fill="#495057">'
            f"{value}</text>"
            f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#495057">'
            f"{value}</text>"
        )
    middle_x, middle_y = _x(5.5), _y(5.5)
    parts.append(
        f'<line x1="{middle_x:.1f}" y1="{TOP}" x2="{middle_x:.1f}" y2="{bottom}" '
        f'stroke="#adb5bd" stroke-dasharray="4 4"/>'
        f'<line x1="{LEFT}" y1="{middle_y:.1f}" x2="{LEFT + PLOT_WIDTH}" y2="{middle_y:.1f}" '
        f'stroke="#adb5bd" stroke-dasharray="4 4"/>'
    )
    return parts


def _axis_titles():
    across = escape(_("Level of participation (quantity)"))
    up = escape(_("Added value (quality)"))
    centre_x = LEFT + PLOT_WIDTH / 2
    centre_y = TOP + PLOT_HEIGHT / 2
    return [
        f'<text x="{centre_x:.1f}" y="{TOP + PLOT_HEIGHT + 40}" text-anchor="middle" '
        f'font-weight="bold" fill="#212529">{across}</text>',
        f'<text x="18" y="{centre_y:.1f}" text-anchor="middle" font-weight="bold" '
        f'fill="#212529" transform="rotate(-90 18 {centre_y:.1f})">{up}</text>',
    ]


def _point(quantity, quality, members):
    x, y = _x(quantity), _y(quality)
    label = escape(", ".join(str(number) for number, _text in members))
    tooltip = escape("\n".join(f"{number}. {text}" for number, text in members))
    # Labels of points on the right edge go to the left, so they stay inside the chart.
    if quantity >= 9:
        label_x, anchor = x - 9, "end"
    else:
        label_x, anchor = x + 9, "start"
    return (
        f'<g class="strategy-point"><title>{tooltip}</title>'
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{POINT_COLOUR}" '
        f'stroke="#fff" stroke-width="1.5"/>'
        f'<text x="{label_x:.1f}" y="{y - 7:.1f}" text-anchor="{anchor}" font-weight="bold" '
        f'fill="#052c65">{label}</text></g>'
    )


def _legend(legend):
    top = TOP + PLOT_HEIGHT + AXIS_AREA
    if not legend:
        message = escape(_("No strategies scored yet."))
        return [f'<text x="{LEFT}" y="{top + 12}" fill="#6c757d">{message}</text>']
    parts = []
    for index, (number, text) in enumerate(legend):
        y = top + 12 + index * LEGEND_LINE
        short = escape(Truncator(text).chars(LEGEND_CHARS))
        parts.append(
            f'<text x="{LEFT - 24}" y="{y}" fill="#212529">'
            f'<tspan font-weight="bold">{number}.</tspan> {short}</text>'
        )
    return parts
