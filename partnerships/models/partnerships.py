from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..access import Access
from .organisations import Country, LocalGovernment


class PartnershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Staff see their programme, consultants what they coach, members their own,
        observers those with a municipality of their umbrella organisation."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        sides = access.member_of | access.observed_local_governments
        return self.filter(
            models.Q(programme__in=access.staff_of)
            | models.Q(pk__one_of=access.coached_partnerships)
            | models.Q(north__in=sides)
            | models.Q(south__in=sides)
        )

    def coached_by(self, user):
        return self.filter(consultants=user)

    def of_local_government(self, local_government):
        return self.filter(models.Q(north=local_government) | models.Q(south=local_government))

    def with_sides(self):
        return self.as_rows().prefetch_related("consultants")

    def as_rows(self):
        """What a list's row shows (partnerships/includes/partnership_row.html): the sides and
        their countries, the theme; not the consultants."""
        return self.select_related("programme", "theme", "north__country", "south__country")


class Partnership(models.Model):
    """An SDG partnership: one local government of the North and one of the South."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ACTIVE = "active", _("active")
        INTERRUPTED = "interrupted", _("interrupted")
        TERMINATED = "terminated", _("terminated")
        COMPLETED = "completed", _("completed")
        TWINNING = "twinning", _("became a town twinning")

    programme = models.ForeignKey(
        "partnerships.Programme",
        on_delete=models.PROTECT,
        related_name="partnerships",
        verbose_name=_("programme"),
    )
    north = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.PROTECT,
        related_name="north_partnerships",
        verbose_name=_("northern local government"),
    )
    south = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.PROTECT,
        related_name="south_partnerships",
        verbose_name=_("southern local government"),
    )
    theme = models.ForeignKey(
        "partnerships.LearningTheme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partnerships",
        verbose_name=_("learning theme"),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    experiment_fund = models.DecimalField(
        _("experiment fund (euro)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("What the partnership may spend on experiments: 35,000 euro in the pilot."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.ACTIVE, editable=False
    )
    consultants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coached_partnerships",
        verbose_name=_("consultants"),
    )

    objects = PartnershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["programme", "north__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "north", "south"], name="partnership_unique_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(north=models.F("south")), name="partnership_two_sides"
            ),
        ]

    def __str__(self):
        return f"{self.north} – {self.south}"

    def get_absolute_url(self):
        return reverse("partnerships:partnership_detail", kwargs={"pk": self.pk})

    def clean(self):
        errors = {}
        if self.north_id and self.north.country.region != Country.Region.NORTH:
            errors["north"] = _("The northern side must be a local government of the North.")
        if self.south_id and self.south.country.region != Country.Region.SOUTH:
            errors["south"] = _("The southern side must be a local government of the South.")
        if errors:
            raise ValidationError(errors)

    @property
    def sides(self):
        return (self.north, self.south)

    def sides_visible_to(self, user):
        """The ids of the sides `LocalGovernment.objects.visible_to(user)` lets through (the
        sides whose pages the user may open), read from the user's access: a query only for
        someone who runs another programme (tests/permissions/test_access_in_hand.py)."""
        access = Access.of(user)
        sides = {self.north_id, self.south_id}
        if access.superuser or self.programme_id in access.staff_of:
            return sides
        if access.staff_of:
            return set(
                LocalGovernment.objects.visible_to(user)
                .filter(pk__in=sides)
                .values_list("pk", flat=True)
            )
        return sides & (
            access.member_of
            | access.observed_local_governments
            | access.sides(access.coached)
            | access.sides(access.partnered)
        )

    def partner_of(self, local_government):
        """The other side of the partnership."""
        if local_government.pk == self.north_id:
            return self.south
        if local_government.pk == self.south_id:
            return self.north
        raise ValueError(f"{local_government} is not a side of {self}")

    @property
    def is_running(self):
        return self.status in (self.Status.PLANNED, self.Status.ACTIVE, self.Status.INTERRUPTED)

    def change_status(self, *, status, date, by=None, reason="", withdrawn_by=None, note=""):
        """Record a new status with its date; a termination needs a reason and who withdrew."""
        change = PartnershipStatusChange(
            partnership=self,
            status=status,
            date=date,
            reason=reason,
            withdrawn_by=withdrawn_by,
            note=note,
            created_by=by,
        )
        change.full_clean()
        with transaction.atomic():
            change.save()
            self.status = status
            self.save(update_fields=["status"])
        return change


class PartnershipStatusChange(models.Model):
    """One dated step of a partnership's status history."""

    class Reason(models.TextChoices):
        EXPECTATION_MISMATCH = "expectations", _("expected traditional technical support")
        NO_EXPERTISE = "no_expertise", _("partner could not offer expertise")
        MOTIVATION = "motivation", _("learning questions out of scope, dwindling motivation")
        STAFF_DEPARTURE = "staff_departure", _("departure of the civil servant in charge")
        INTERNAL_SUPPORT = "internal_support", _("not enough internal support")
        DIPLOMATIC_BREAK = "diplomatic_break", _("diplomatic break between the countries")
        PARTNER_WITHDREW = "partner_withdrew", _("the partner withdrew")
        POLITICAL_CHANGE = "political_change", _("local political change or elections")
        OTHER = "other", _("other")

    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("partnership"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Partnership.Status)
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=30, choices=Reason, blank=True)
    withdrawn_by = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["partnership", "date", "created_at"]
        get_latest_by = ["date", "created_at"]

    def __str__(self):
        return f"{self.partnership}: {self.get_status_display()} ({self.date})"

    def clean(self):
        errors = {}
        if self.status == Partnership.Status.TERMINATED:
            if not self.reason:
                errors["reason"] = _("Say why the partnership was terminated.")
            if not self.withdrawn_by_id:
                errors["withdrawn_by"] = _("Say which local government withdrew.")
        elif (
            self.reason or self.withdrawn_by_id
        ) and self.status != Partnership.Status.INTERRUPTED:
            errors["reason"] = _("Only an interruption or a termination has a reason.")
        if self.withdrawn_by_id and self.partnership_id:
            sides = (self.partnership.north_id, self.partnership.south_id)
            if self.withdrawn_by_id not in sides:
                errors["withdrawn_by"] = _("Only one of the two partners can withdraw.")
        if errors:
            raise ValidationError(errors)
