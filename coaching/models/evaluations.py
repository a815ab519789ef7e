"""Interim evaluations (dated rounds in which each participant or municipality says what worked,
what did not and what to improve) and the methodology log (the adjustments decided, with their
reason and what prompted them)."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.access import Access


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user):
        access = Access.of(user)
        if access.superuser:
            return self.all()
        return self.filter(programme__in=access.programmes)


class EvaluationRound(models.Model):
    programme = models.ForeignKey(
        "partnerships.Programme",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("interim evaluation")
        verbose_name_plural = _("interim evaluations")
        ordering = ["-opens_on"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("coaching:evaluation_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            message = _("An evaluation closes on or after the day it opens.")
            raise ValidationError(
                {"closes_on": ValidationError(message, code="closes_before_opening")}
            )

    @property
    def is_open(self):
        """Whether answers are taken today, in the site's time zone whatever the reader's (a
        round opens and closes at the same moment for everyone): its first to its last day."""
        return self.opens_on <= site_today() <= self.closes_on

    @property
    def is_closed(self):
        return site_today() > self.closes_on


def site_today():
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(settings.TIME_ZONE))


class EvaluationAnswerQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programme staff and the programme's consultants read every answer of its rounds; a
        municipality's team its municipality's answers; everyone their own."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        if not user.is_authenticated:
            return self.none()
        readable = models.Q(respondent=user) | models.Q(local_government__in=access.member_of)
        readable |= models.Q(round__programme__in=access.staff_of)
        readable |= models.Q(round__programme__in=list(access.coached))
        return self.filter(readable)


class EvaluationAnswer(models.Model):
    round = models.ForeignKey(
        EvaluationRound,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("interim evaluation"),
    )
    local_government = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    worked = models.TextField(_("what worked?"), blank=True, max_length=5000)
    did_not_work = models.TextField(_("what did not work?"), blank=True, max_length=5000)
    improve = models.TextField(_("what should improve?"), blank=True, max_length=5000)
    language = models.CharField(_("language"), max_length=10, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EvaluationAnswerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent"], name="one_answer_per_respondent"
            )
        ]

    def __str__(self):
        return f"{self.round}: {self.respondent}"


class MethodologyAdjustment(models.Model):
    programme = models.ForeignKey(
        "partnerships.Programme",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("programme"),
    )
    date = models.DateField(_("date"))
    decision = models.TextField(_("adjustment decided"), max_length=3000)
    reason = models.TextField(_("why"), max_length=3000)
    prompted_by_round = models.ForeignKey(
        EvaluationRound,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adjustments",
        verbose_name=_("prompted by the evaluation"),
    )
    prompted_by_meeting = models.ForeignKey(
        "coaching.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adjustments",
        verbose_name=_("prompted by the meeting"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        editable=False,
        verbose_name=_("recorded by"),
    )

    objects = ProgrammeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("methodology adjustment")
        verbose_name_plural = _("methodology log")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return self.decision[:80]

    def clean(self):
        """What prompted an adjustment is of its own programme."""
        for name in ("prompted_by_round", "prompted_by_meeting"):
            prompt = getattr(self, name)
            if prompt is not None and prompt.programme_id != self.programme_id:
                message = _("Choose one of this programme's.")
                raise ValidationError({name: ValidationError(message, code="other_programme")})
