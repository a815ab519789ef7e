"""The learning journal's progress chart: each objective's daily score across the field days,
drawn as server-rendered SVG, the same on the page, in the PDF and in the final report.

Few text elements (WeasyPrint lays out each one): the four scale words, a date per day and an
objective's number at the end of its line. The scores themselves are in the table next to the
chart and, for screen readers, in the chart's description."""

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

# The scale, 0 to 3, in the words of the template.
SCALE = (
    lambda: _("nothing learned"),
    lambda: _("learned a little"),
    lambda: _("significant progress"),
    lambda: _("revelation!"),
)
# Colour-blind-safe line colours (Okabe and Ito), one per objective, in turn.
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")

LEFT, RIGHT, TOP, BOTTOM = 130, 40, 12, 28
STEP_Y, MIN_STEP_X = 36, 56


def objective_label(objective):
    """ "2.1": the learning question's number and the objective's."""
    return f"{objective.question.order}.{objective.number}"


def progress_chart(journal, context=None):
    """The SVG of `journal`'s (a JournalByObjective) daily progress per objective; `context`:
    its `journal_context`, when the caller has it already. Safe HTML."""
    if context is None:
        from .journals import journal_context

        return journal_context(journal)["chart"]
    days, objectives = context["field_days"], context["objectives"]
    step_x = MIN_STEP_X if len(days) > 1 else 0
    width = LEFT + step_x * max(len(days) - 1, 0) + RIGHT
    height = TOP + STEP_Y * 3 + BOTTOM

    def x(index):
        return LEFT + index * step_x

    def y(score):
        return TOP + (3 - score) * STEP_Y

    grid = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ccc" stroke-width="1"/>'
        '<text x="{}" y="{}" text-anchor="end" font-size="10">{} {}</text>',
        (
            (
                LEFT - 6,
                x(len(days) - 1) + 6,
                y(score),
                y(score),
                LEFT - 10,
                y(score) + 3,
                score,
                SCALE[score](),
            )
            for score in range(4)
        ),
    )
    dates = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>',
        ((x(index), height - 8, date_format(day, "j/n")) for index, day in enumerate(days)),
    )
    series = format_html_join(
        "", "{}", ((_series(objective, index, x, y),) for index, objective in enumerate(objectives))
    )
    title = _("Daily progress per objective")
    return format_html(
        '<svg class="journal-progress" role="img" aria-labelledby="{id}-title {id}-desc" '
        'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'viewBox="0 0 {width} {height}"><title id="{id}-title">{title}</title>'
        '<desc id="{id}-desc">{description}</desc>{grid}{dates}{series}</svg>',
        id=f"journal-{journal.pk}-progress",
        width=width,
        height=height,
        title=title,
        description=_description(days, objectives),
        grid=grid,
        dates=dates,
        series=series,
    )


def _series(objective, index, x, y):
    """One objective's line: its scored days as dots, joined where days follow each other."""
    colour = COLOURS[index % len(COLOURS)]
    points = [
        (day_index, score) for day_index, score in enumerate(objective.daily) if score is not None
    ]
    runs, run = [], []
    for day_index, score in points:
        if run and run[-1][0] != day_index - 1:
            runs.append(run)
            run = []
        run.append((day_index, score))
    if run:
        runs.append(run)
    lines = format_html_join(
        "",
        '<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>',
        (
            (colour, " ".join(f"{x(day_index)},{y(score)}" for day_index, score in run))
            for run in runs
            if len(run) > 1
        ),
    )
    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="4" fill="{}" data-day="{}" data-score="{}"/>',
        (
            (x(day_index), y(score), colour, objective.daily_pairs[day_index][0].isoformat(), score)
            for day_index, score in points
        ),
    )
    label = ""
    if points:
        last_index, last_score = points[-1]
        label = format_html(
            '<text x="{}" y="{}" font-size="10" fill="{}">{}</text>',
            x(last_index) + 8,
            y(last_score) + 3 + (index % 3) * 4,
            colour,
            objective_label(objective),
        )
    return format_html(
        '<g class="series" data-objective="{}">{}{}{}</g>', objective.pk, lines, dots, label
    )


def _description(days, objectives):
    """The chart in words: "Objective 1.1: 23/9 2, 24/9 3. …"."""
    if not objectives:
        return _("No objectives yet.")
    parts = []
    for objective in objectives:
        scores = ", ".join(
            f"{date_format(day, 'j/n')} {'–' if score is None else score}"
            for day, score in objective.daily_pairs
        )
        parts.append(
            _("Objective %(number)s: %(scores)s.")
            % {"number": objective_label(objective), "scores": scores or "–"}
        )
    return " ".join(parts)
