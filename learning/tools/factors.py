"""Tool 3, the factor analysis: the factors that had a positive and those that had a negative
impact on (civil) participation in the municipality's projects, each scored out of 10 for the
strength of its impact, with its level (political, economic...) and whether it lies inside or
outside the local government. Shown as the template's two-sided table, highest scores first."""

from itertools import zip_longest

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from learning.forms import RowForm

from .base import SheetRow, ToolSheet
from .registry import Inline, Step, Tool, register

SCORE_MESSAGE = _("Give a score from 1 (very low impact) to 10 (high impact).")
SCORE_VALIDATORS = [
    MinValueValidator(1, message=SCORE_MESSAGE),
    MaxValueValidator(10, message=SCORE_MESSAGE),
]


class FactorAnalysis(ToolSheet):
    remarks = models.TextField(
        _("remarks"),
        blank=True,
        max_length=3000,
        help_text=_("Which projects or initiatives you looked at, and anything else to add."),
    )

    class Meta(ToolSheet.Meta):
        verbose_name = _("factor analysis")
        verbose_name_plural = _("factor analyses")

    def factor_rows(self):
        """Pairs (positive, negative) side by side, each side by score, highest first. Each
        factor carries its level's and origin's labels (`level_label`, `origin_label`),
        translated once for the whole table rather than once per factor."""
        levels = {value: capfirst(str(label)) for value, label in Factor.Level.choices}
        origins = {value: str(label) for value, label in Factor.Origin.choices}
        factors = sorted(self.factors.all(), key=lambda factor: (-factor.score, factor.pk))
        for factor in factors:
            factor.level_label = levels.get(factor.level, factor.level)
            factor.origin_label = origins.get(factor.origin, factor.origin)
        positive = [factor for factor in factors if factor.impact == Factor.Impact.POSITIVE]
        negative = [factor for factor in factors if factor.impact == Factor.Impact.NEGATIVE]
        return list(zip_longest(positive, negative))


class Factor(SheetRow):
    class Impact(models.TextChoices):
        POSITIVE = "positive", _("positive impact")
        NEGATIVE = "negative", _("negative impact")

    class Level(models.TextChoices):
        POLITICAL = "political", _("political")
        ECONOMIC = "economic", _("economic")
        SOCIAL = "social", _("social")
        CULTURAL = "cultural", _("cultural")
        TECHNOLOGICAL = "technological", _("technological")
        ENVIRONMENTAL = "environmental", _("environmental")
        LEGAL = "legal", _("legal")
        OTHER = "other", _("other")

    class Origin(models.TextChoices):
        INTERNAL = "internal", _("internal")
        EXTERNAL = "external", _("external")

    sheet = models.ForeignKey(
        FactorAnalysis,
        on_delete=models.CASCADE,
        related_name="factors",
        verbose_name=_("factor analysis"),
    )
    impact = models.CharField(_("impact"), max_length=10, choices=Impact)
    text = models.CharField(_("factor"), max_length=300)
    score = models.PositiveSmallIntegerField(
        _("score / 10"),
        validators=SCORE_VALIDATORS,
        help_text=_("10 = high impact (positive or negative), 1 = very low impact."),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level)
    origin = models.CharField(
        _("internal or external"),
        max_length=10,
        choices=Origin,
        help_text=_("Internal: within your local government; external: outside it."),
    )

    class Meta:
        verbose_name = _("factor")
        verbose_name_plural = _("factors")
        ordering = ["sheet_id", "impact", "-score", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=10), name="factor_score_1_to_10"
            )
        ]

    def __str__(self):
        return self.text[:60]


class FactorForm(RowForm):
    # The same message for any score off the scale (a bare positive-integer field would answer
    # "greater than or equal to 0" for a negative one).
    score = forms.IntegerField(
        label=Factor._meta.get_field("score").verbose_name,
        help_text=Factor._meta.get_field("score").help_text,
        validators=SCORE_VALIDATORS,
        widget=forms.NumberInput(attrs={"min": 1, "max": 10, "inputmode": "numeric"}),
    )

    class Meta:
        model = Factor
        fields = ("impact", "text", "score", "level", "origin")
        widgets = {
            "text": forms.TextInput(attrs={"maxlength": 300}),
        }


class FactorAnalysisTool(Tool):
    number = 3
    slug = "factors"
    title = _("Analysis of positive and negative factors")
    short_title = _("Factor analysis")
    model = FactorAnalysis
    step = Step.GET_TO_KNOW
    fields = ("remarks",)
    description = _(
        "Identify and prioritise the factors that had a positive or a negative impact on the "
        "level and quality of (civil) participation in your local government's projects. "
        "Factors can be political, economic, social, cultural, technological, environmental, "
        "legal, etc., internal (within your local government) or external. Give each a "
        "score: 10/10 = high impact, 1/10 = very low impact. Only list factors that affect "
        "the PARTICIPATION of internal and external stakeholders."
    )
    inlines = (Inline(Factor, fields=FactorForm.Meta.fields, form=FactorForm, extra=1),)

    def sample(self, owner):
        """Valid input for the tests and benchmarks (see the registry's conventions)."""
        return {
            "remarks": f"Projects of {owner}: the advisory councils and the weekly market.",
            "factors": [
                {
                    "impact": "positive",
                    "text": "Close ties between staff and local associations",
                    "score": 8,
                    "level": "social",
                    "origin": "internal",
                },
                {
                    "impact": "negative",
                    "text": "Meetings at hours when farmers are in the fields",
                    "score": 7,
                    "level": "economic",
                    "origin": "external",
                },
            ],
        }


TOOL = register(FactorAnalysisTool())
