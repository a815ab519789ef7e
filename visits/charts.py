"""The learning journal's progress chart: each objective's daily score across the field days,
drawn on the server, the same on the page, in the PDF and in the final report.

As the strategy chart (learning/charts.py), a drawing keeps its shapes and its texts apart: the
page and the print view get one accessible SVG, texts included (`ProgressChart.svg`, also what
`{{ chart }}` shows); a PDF gets the lines and dots alone as an image (`picture_url`) with the
texts as HTML laid over it (`printed_labels`), through `learning/includes/chart.html`. Few texts:
the four scale words (one text in a PDF), a date per day and an objective's number at the end of
its line. The scores themselves are in the table next to the chart and, for screen readers, in
the chart's description."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from learning.charts import PRINTED_LINE, PrintedLabel, picture_url, printed_style

# The scale, 0 to 3, in the words of the template.
SCALE = (
    lambda: _("nothing learned"),
    lambda: _("learned a little"),
    lambda: _("significant progress"),
    lambda: _("revelation!"),
)
# Colour-blind-safe line colours (Okabe and Ito), one per objective, in turn.
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")
TEXT = "#212529"

LEFT, RIGHT, TOP, BOTTOM = 130, 40, 12, 28
STEP_Y, MIN_STEP_X = 36, 56
FONT = 10  # the texts' size, in the drawing's units (CSS pixels in a PDF)


def objective_label(objective):
    """ "2.1": the learning question's number and the objective's."""
    return f"{objective.question.order}.{objective.number}"


def progress_chart(journal, context=None):
    """The `ProgressChart` of `journal`'s (a JournalByObjective) daily progress per objective;
    `context`: its `journal_context`, when the caller has it already."""
    if context is None:
        from .journals import journal_context

        return journal_context(journal)["chart"]
    return ProgressChart(journal.pk, tuple(context["field_days"]), tuple(context["objectives"]))


@dataclass(frozen=True)
class ProgressChart:
    """The chart of one journal: its field days, and its objectives with their `daily` scores
    and `daily_pairs` (as `journal_context` gives them)."""

    journal_pk: int
    days: tuple
    objectives: tuple
    height = TOP + STEP_Y * 3 + BOTTOM
    font = FONT
    line = PRINTED_LINE

    def __html__(self):
        return self.svg()

    def __str__(self):
        return self.svg()

    @property
    def step_x(self):
        return MIN_STEP_X if len(self.days) > 1 else 0

    @property
    def width(self):
        return LEFT + self.step_x * max(len(self.days) - 1, 0) + RIGHT

    def x(self, index):
        return LEFT + index * self.step_x

    def y(self, score):
        return TOP + (3 - score) * STEP_Y

    @property
    def caption(self):
        """ "Daily progress per objective: 1.1 See a council at work · …"."""
        return format_html(
            "{}: {}",
            _("Daily progress per objective"),
            format_html_join(
                " · ",
                "{} {}",
                ((objective_label(objective), objective.text) for objective in self.objectives),
            ),
        )

    def svg(self):
        """The whole chart as one accessible SVG (safe HTML): for the page and the print view."""
        identifier = f"journal-{self.journal_pk}-progress"
        return format_html(
            '<svg class="journal-progress" role="img" aria-labelledby="{id}-title {id}-desc" '
            'xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            'viewBox="0 0 {width} {height}"><title id="{id}-title">{title}</title>'
            '<desc id="{id}-desc">{description}</desc>{grid}{dates}{series}</svg>',
            id=identifier,
            width=self.width,
            height=self.height,
            title=_("Daily progress per objective"),
            description=self._description(),
            grid=format_html_join(
                "",
                '{}<text x="{}" y="{}" text-anchor="end" font-size="{}">{} {}</text>',
                (
                    (self._grid_line(score), LEFT - 10, self.y(score) + 3, FONT, score, words())
                    for score, words in enumerate(SCALE)
                ),
            ),
            dates=format_html_join(
                "",
                '<text x="{}" y="{}" text-anchor="middle" font-size="{}">{}</text>',
                ((x, y, FONT, text) for x, y, text in self._dates()),
            ),
            series=format_html_join(
                "",
                '<g class="series" data-objective="{}">{}{}</g>',
                (
                    (objective.pk, self._series(index, objective), _label_svg(label))
                    for (index, objective), label in zip(
                        enumerate(self.objectives), self._labels(), strict=True
                    )
                ),
            ),
        )

    def picture(self):
        """The chart's lines and dots without a text, for a PDF to lay `printed_labels` over."""
        grid = format_html_join("", "{}", ((self._grid_line(score),) for score in range(4)))
        series = format_html_join(
            "",
            "{}",
            (
                (self._series(index, objective, marked=False),)
                for index, objective in enumerate(self.objectives)
            ),
        )
        return format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            'viewBox="0 0 {width} {height}">{grid}{series}</svg>',
            width=self.width,
            height=self.height,
            grid=grid,
            series=series,
        )

    @property
    def picture_url(self):
        return picture_url(self.picture())

    @property
    def printed_labels(self):
        """Every text of the chart for a PDF: the scale, top down (one text, its lines a step
        apart), the dates, the objectives' numbers."""
        scale = printed_style(LEFT - 10, self.y(3) + 3, "end", TEXT, line=STEP_Y, font=FONT)
        words = "\n".join(f"{score} {SCALE[score]()}" for score in range(3, -1, -1))
        return [
            PrintedLabel(f"{scale};white-space:pre-line", words),
            *(
                PrintedLabel(printed_style(x, y, "middle", TEXT, font=FONT), text)
                for x, y, text in self._dates()
            ),
            *(
                PrintedLabel(printed_style(x, y, "start", colour, font=FONT), text)
                for x, y, colour, text in filter(None, self._labels())
            ),
        ]

    def _grid_line(self, score):
        return format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ccc" stroke-width="1"/>',
            LEFT - 6,
            self.x(len(self.days) - 1) + 6,
            self.y(score),
            self.y(score),
        )

    def _dates(self):
        return [
            (self.x(index), self.height - 8, date_format(day, "j/n"))
            for index, day in enumerate(self.days)
        ]

    def _series(self, index, objective, *, marked=True):
        """One objective's line: its scored days as dots, joined where days follow each other;
        `marked`: each dot carries its day and score as data attributes (the page's SVG)."""
        colour = COLOURS[index % len(COLOURS)]
        points = _points(objective)
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
                (colour, " ".join(f"{self.x(day)},{self.y(score)}" for day, score in run))
                for run in runs
                if len(run) > 1
            ),
        )
        dots = format_html_join(
            "",
            '<circle cx="{}" cy="{}" r="4" fill="{}"{}/>',
            (
                (
                    self.x(day),
                    self.y(score),
                    colour,
                    format_html(' data-day="{}" data-score="{}"', self.days[day].isoformat(), score)
                    if marked
                    else "",
                )
                for day, score in points
            ),
        )
        return format_html("{}{}", lines, dots)

    def _labels(self):
        """(x, y of the baseline, colour, text) of each objective's number at its last dot, or
        None for an objective with no score yet; in the objectives' order."""
        labels = []
        for index, objective in enumerate(self.objectives):
            points = _points(objective)
            if not points:
                labels.append(None)
                continue
            last_day, last_score = points[-1]
            x, y = self.x(last_day) + 8, self.y(last_score) + 3 + (index % 3) * 4
            labels.append((x, y, COLOURS[index % len(COLOURS)], objective_label(objective)))
        return labels

    def _description(self):
        """The chart in words: "Objective 1.1: 23/9 2, 24/9 3. …"."""
        if not self.objectives:
            return _("No objectives yet.")
        parts = []
        for objective in self.objectives:
            scores = ", ".join(
                f"{date_format(day, 'j/n')} {'–' if score is None else score}"
                for day, score in objective.daily_pairs
            )
            parts.append(
                _("Objective %(number)s: %(scores)s.")
                % {"number": objective_label(objective), "scores": scores or "–"}
            )
        return " ".join(parts)


def _label_svg(label):
    if label is None:
        return ""
    x, y, colour, text = label
    return format_html(
        '<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>', x, y, FONT, colour, text
    )


def _points(objective):
    """(day's index, score) of each scored day of the objective."""
    return [(day, score) for day, score in enumerate(objective.daily) if score is not None]
