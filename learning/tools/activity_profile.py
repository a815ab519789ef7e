"""Tool 2, the activity profile: for each project, the strategies used to strengthen (civil)
participation, the phases they served, and two scores out of 10."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from learning.charts import strategy_drawing
from learning.forms import RowForm, SheetForm

from .base import SheetRow, ToolSheet
from .registry import Inline, Step, Tool, register

SCORE_MESSAGE = _("Give a score from 1 (very low) to 10 (very high).")
SCORE_VALIDATORS = [
    MinValueValidator(1, message=SCORE_MESSAGE),
    MaxValueValidator(10, message=SCORE_MESSAGE),
]


class ActivityProfile(ToolSheet):
    """One project of the municipality; three are asked, more are welcome."""

    project_name = models.CharField(_("project name"), max_length=200)
    project_description = models.TextField(
        _("project description"),
        blank=True,
        max_length=3000,
        help_text=_("What the project is about; the strategies come below."),
    )
    # Named after its project: a municipality describes several.
    name_field = "project_name"

    class Meta(ToolSheet.Meta):
        verbose_name = _("activity profile")
        verbose_name_plural = _("activity profiles")

    @cached_property
    def strategy_rows(self):
        """The strategies in table order, read once for the table and the chart."""
        return list(self.strategies.all())

    def chart(self, *, legend=True):
        """The strategies by quantity and quality, drawn (learning/charts.py)."""
        rows = [(s.strategy, s.quantity, s.quality) for s in self.strategy_rows]
        return strategy_drawing(rows, legend=legend)

    def chart_svg(self, *, legend=True):
        """The chart as inline SVG, its texts included (the page and the print view)."""
        # The drawing escapes all text.
        return mark_safe(self.chart(legend=legend).svg())  # noqa: S308

    @cached_property
    def printed_chart(self):
        """The chart for the PDF, where the paragraphs above number the strategies in full:
        without its legend, its texts to be laid over its picture as HTML text."""
        return self.chart(legend=False)


class Strategy(SheetRow):
    """A strategy used to encourage participation in one project."""

    sheet = models.ForeignKey(
        ActivityProfile,
        on_delete=models.CASCADE,
        related_name="strategies",
        verbose_name=_("activity profile"),
    )
    strategy = models.TextField(_("strategy"), max_length=500)
    in_design = models.BooleanField(_("design"), default=False)
    in_execution = models.BooleanField(_("execution"), default=False)
    in_monitoring_evaluation = models.BooleanField(_("monitoring and evaluation"), default=False)
    quantity = models.PositiveSmallIntegerField(
        _("level of participation (quantity) / 10"),
        validators=SCORE_VALIDATORS,
        help_text=_("10 = very high level of (civil) participation, 1 = very low."),
    )
    quality = models.PositiveSmallIntegerField(
        _("what was the added value (quality)? / 10"),
        validators=SCORE_VALIDATORS,
        help_text=_("10 = very high added value or impact, 1 = very low."),
    )
    comments = models.TextField(
        _("comments"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Areas for improvement, challenges, best practices, positive or negative experiences."
        ),
    )

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["sheet_id", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=1, quantity__lte=10),
                name="strategy_quantity_1_to_10",
            ),
            models.CheckConstraint(
                condition=models.Q(quality__gte=1, quality__lte=10),
                name="strategy_quality_1_to_10",
            ),
        ]

    def __str__(self):
        return self.strategy[:60]

    PHASES = {
        "design": "in_design",
        "execution": "in_execution",
        "monitoring_evaluation": "in_monitoring_evaluation",
    }

    @property
    def phases(self):
        """The labels of the phases this strategy served, in project order."""
        return [
            self._meta.get_field(name).verbose_name
            for name in self.PHASES.values()
            if getattr(self, name)
        ]


def _score_field(model_field):
    return forms.IntegerField(
        label=capfirst(model_field.verbose_name),
        help_text=model_field.help_text,
        validators=SCORE_VALIDATORS,
        widget=forms.Select(choices=[("", "–")] + [(n, n) for n in range(1, 11)]),
    )


class ActivityProfileForm(SheetForm):
    class Meta:
        model = ActivityProfile
        fields = ("project_name", "project_description")
        widgets = {"project_description": forms.Textarea(attrs={"rows": 3})}


class StrategyForm(RowForm):
    """One strategy; the three phase flags are edited as one group of checkboxes."""

    phases = forms.MultipleChoiceField(
        label=_("Project phases it served"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            (key, capfirst(Strategy._meta.get_field(name).verbose_name))
            for key, name in Strategy.PHASES.items()
        ],
    )
    quantity = _score_field(Strategy._meta.get_field("quantity"))
    quality = _score_field(Strategy._meta.get_field("quality"))

    class Meta:
        model = Strategy
        fields = ("strategy", "phases", "quantity", "quality", "comments")
        widgets = {
            "strategy": forms.Textarea(attrs={"rows": 2}),
            "comments": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["phases"] = [
                key for key, name in Strategy.PHASES.items() if getattr(self.instance, name)
            ]


class ActivityProfileTool(Tool):
    number = 2
    slug = "activity-profile"
    title = _("Activity profile")
    model = ActivityProfile
    step = Step.GET_TO_KNOW
    fields = ActivityProfileForm.Meta.fields
    form = ActivityProfileForm
    many_per_owner = True
    description = _(
        "Describe a project, then list the strategies your local government used to "
        "strengthen (civil) participation in its design, execution, monitoring and "
        "evaluation, and score each. Only mention strategies that specifically aim to "
        "encourage stakeholder participation. Three projects are asked; add as many as needed."
    )
    inlines = (Inline(Strategy, fields=StrategyForm.Meta.fields, form=StrategyForm, extra=1),)

    def prepare_row(self, inline, row, values):
        """A strategy keeps each project phase it served as a yes or no."""
        chosen = values.get("phases") or []
        for key, name in Strategy.PHASES.items():
            setattr(row, name, key in chosen)

    def sample(self, owner):
        """Valid input for a new activity profile (see the registry's conventions)."""
        return {
            "project_name": "Renewal of the village square",
            "project_description": (
                "A new square in front of the town hall, designed with residents."
            ),
            "strategies": [
                {
                    "strategy": "Walk through the square with residents before drawing plans",
                    "phases": ["design"],
                    "quantity": 6,
                    "quality": 8,
                    "comments": "Few young people came.",
                },
                {
                    "strategy": "Online survey on the draft design",
                    "phases": ["design", "execution"],
                    "quantity": 8,
                    "quality": 5,
                    "comments": "",
                },
            ],
        }

    def project_names(self, owner, user):
        """The projects a municipality described in the profiles `user` may read, for other
        tools to suggest."""
        return list(
            ActivityProfile.objects.visible_to(user)
            .filter(owners=owner)
            .order_by("project_name")
            .values_list("project_name", flat=True)
            .distinct()
        )


TOOL = register(ActivityProfileTool())
