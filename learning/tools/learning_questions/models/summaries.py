"""The consultant's summary phrases of each municipality's evolution, for the final report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerships.models import LocalGovernment, Programme

from .questions import in_language


class EvolutionSummaryQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(
            programme__in=Programme.objects.visible_to(user).values("pk"),
            local_government__in=LocalGovernment.objects.visible_to(user).values("pk"),
        )


class EvolutionSummary(models.Model):
    """The consultant's short phrases for one municipality in the final report: Figure 4's
    starting point, development and application, and appendix 8.11's application text."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )
    local_government = models.ForeignKey(
        LocalGovernment,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    order = models.PositiveSmallIntegerField(
        _("row in the report"),
        default=0,
        help_text=_("Rows are listed from the lowest number; equal numbers by name."),
    )
    starting_points = models.TextField(
        _("starting point for learning questions"),
        blank=True,
        max_length=2000,
        help_text=_("Short phrases, one per line (Figure 4)."),
    )
    developments = models.TextField(
        _("development of learning questions"),
        blank=True,
        max_length=2000,
        help_text=_("Short phrases, one per line (Figure 4)."),
    )
    applications = models.TextField(
        _("concrete application of what has been learned"),
        blank=True,
        max_length=2000,
        help_text=_("Short phrases, one per line (Figure 4)."),
    )
    application_summary = models.TextField(
        _("application of what has been learned"),
        blank=True,
        max_length=5000,
        help_text=_(
            "The appendix's summary, for example “Temporarily suspended due to political "
            "decisions.”"
        ),
    )
    baseline = models.DateField(
        _("initial questions as of"),
        null=True,
        blank=True,
        help_text=_(
            "The date of the initial questions in the overview. Empty: the day the "
            "municipality's table was first shared."
        ),
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_("The phrases in other languages: language code, then field name."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EvolutionSummaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("evolution summary")
        verbose_name_plural = _("evolution summaries")
        ordering = ["programme", "order", "local_government__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "local_government"], name="evolutionsummary_unique"
            )
        ]

    def __str__(self):
        return f"{self.local_government} ({self.programme})"

    @staticmethod
    def lines(text):
        return [line.strip(" •-") for line in text.splitlines() if line.strip(" •-")]

    def localized(self, name):
        """The field `name` in the reader's language when translated, else as written."""
        by_language = {code: texts.get(name) for code, texts in self.translations.items()}
        return in_language(getattr(self, name), by_language)

    @property
    def starting_point_list(self):
        return self.lines(self.localized("starting_points"))

    @property
    def development_list(self):
        return self.lines(self.localized("developments"))

    @property
    def application_list(self):
        return self.lines(self.localized("applications"))

    @property
    def localized_application_summary(self):
        return self.localized("application_summary")
