"""The report's own figures, drawn as SVG in Python (the text wrapped here, every text
escaped), embedded as images: WeasyPrint styles an image alone, where inline SVG goes through
its HTML cascade element by element."""

import math
import textwrap
from base64 import b64encode

from django.utils.html import escape

WIDTH, HEIGHT = 640, 430
CENTRE = (WIDTH / 2, HEIGHT / 2)
RADII = (215, 150)  # the ellipse the steps sit on
BOX = (164, 58)
FONT = 12
PRIMARY, TEXT = "#0d6efd", "#212529"


def cycle_svg(labels, centre_label=""):
    """The learning cycle: the steps `labels` clockwise from the top, each arrow leading to
    the next and the last back to the first, around `centre_label`."""
    count = len(labels)
    angles = [-math.pi / 2 + 2 * math.pi * index / count for index in range(count)]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" font-family="DejaVu Sans, sans-serif" '
        f'font-size="{FONT}">'
    ]
    gap = math.pi / count * 0.55  # the arrows leave this much of the ellipse to the boxes
    for angle in angles:
        following = angle + 2 * math.pi / count
        parts.append(_arrow(angle + gap, following - gap))
    for number, (label, angle) in enumerate(zip(labels, angles, strict=True), start=1):
        parts.append(_box(f"{number}. {label}", _point(angle)))
    if centre_label:
        parts.append(_text(centre_label, CENTRE, colour=PRIMARY, width=18, weight="bold"))
    parts.append("</svg>")
    return "".join(parts)


def as_image(svg):
    """The data: URL of an SVG image, for an <img> of the PDF."""
    return f"data:image/svg+xml;base64,{b64encode(svg.encode()).decode('ascii')}"


def _point(angle):
    return (CENTRE[0] + RADII[0] * math.cos(angle), CENTRE[1] + RADII[1] * math.sin(angle))


def _arrow(start, end):
    """An arc of the ellipse from `start` to `end` (clockwise on the page), with its head."""
    (x1, y1), (x2, y2) = _point(start), _point(end)
    path = (
        f'<path d="M {x1:.1f} {y1:.1f} A {RADII[0]} {RADII[1]} 0 0 1 {x2:.1f} {y2:.1f}" '
        f'fill="none" stroke="{PRIMARY}" stroke-width="2.5"/>'
    )
    # The tangent at the end, along which the head points.
    dx, dy = -RADII[0] * math.sin(end), RADII[1] * math.cos(end)
    length = math.hypot(dx, dy)
    dx, dy = dx / length, dy / length
    size = 9
    left = (x2 - size * dx - size * 0.6 * dy, y2 - size * dy + size * 0.6 * dx)
    right = (x2 - size * dx + size * 0.6 * dy, y2 - size * dy - size * 0.6 * dx)
    head = (
        f'<path d="M {x2:.1f} {y2:.1f} L {left[0]:.1f} {left[1]:.1f} '
        f'L {right[0]:.1f} {right[1]:.1f} Z" fill="{PRIMARY}"/>'
    )
    return path + head


def _box(label, centre):
    x, y = centre[0] - BOX[0] / 2, centre[1] - BOX[1] / 2
    rect = (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX[0]}" height="{BOX[1]}" rx="8" '
        f'fill="#e7f1ff" stroke="{PRIMARY}" stroke-width="1.5"/>'
    )
    return rect + _text(label, centre, colour=TEXT, width=24)


def _text(label, centre, *, colour, width, weight="normal"):
    lines = textwrap.wrap(str(label), width) or [""]
    top = centre[1] - (len(lines) - 1) * FONT * 0.6 + FONT * 0.35
    spans = "".join(
        f'<tspan x="{centre[0]:.1f}" y="{top + index * FONT * 1.2:.1f}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return f'<text text-anchor="middle" fill="{colour}" font-weight="{weight}">{spans}</text>'
