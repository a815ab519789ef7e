"""Site visits: a trip of the programme in one direction, one delegation per partnership, and
the members of each delegation."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.access import Access
from partnerships.models import Partnership, User


class SiteVisitQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A trip is a programme's event: everyone taking part in the programme sees it (its
        delegations are narrowed by `Delegation.objects.visible_to`)."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        return self.filter(programme__in=access.programmes)


class SiteVisit(models.Model):
    """A study visit of the programme: the delegations of one side travel to their partners.
    In the pilot, September 2024 took the Beninese delegations to Flanders and March 2025 the
    Flemish ones to Benin, each Monday to Friday."""

    class Direction(models.TextChoices):
        SOUTH_TO_NORTH = "south_north", _("The South visits the North")
        NORTH_TO_SOUTH = "north_south", _("The North visits the South")

    programme = models.ForeignKey(
        "partnerships.Programme",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("programme"),
    )
    direction = models.CharField(_("direction"), max_length=11, choices=Direction)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    description = models.TextField(
        _("the week at a glance"),
        blank=True,
        max_length=3000,
        help_text=_(
            "For example: day 1 together with all delegations, days 2 to 4 at the partner, "
            "day 5 the review of the week and the action plan."
        ),
    )
    guides = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("guides"),
        help_text=_("The consultant and the programme's staff who accompany the delegations."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = SiteVisitQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")
        ordering = ["-start_date"]

    def __str__(self):
        return _("Site visit of %(start)s to %(end)s") % {
            "start": self.start_date.isoformat(),
            "end": self.end_date.isoformat(),
        }

    def get_absolute_url(self):
        return reverse("visits:visit_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                raise ValidationError(
                    {"end_date": _("The last day cannot come before the first day.")}
                )
            if (self.end_date - self.start_date).days > 30:
                raise ValidationError({"end_date": _("A site visit lasts at most a month.")})
        programme = getattr(self, "programme", None) if self.programme_id else None
        if (
            programme
            and self.start_date
            and not (programme.start_date <= self.start_date <= programme.end_date)
        ):
            raise ValidationError(
                {"start_date": _("The visit must start within the programme's period.")}
            )

    @property
    def days(self):
        """Every date of the visit, in order."""
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + timedelta(days=index) for index in range(count)]

    def visitor_of(self, partnership):
        if self.direction == self.Direction.SOUTH_TO_NORTH:
            return partnership.south
        return partnership.north

    def host_of(self, partnership):
        if self.direction == self.Direction.SOUTH_TO_NORTH:
            return partnership.north
        return partnership.south


class DelegationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Both municipalities' teams, their consultants, programme staff and the umbrella
        observers of either side (partnerships/access.py)."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        readable = models.Q()
        for side in ("visitor", "host"):
            readable |= access.full(owners=side, programme="visit__programme")
            readable |= access.shared(owners=side, programme="visit__programme")
        return self.filter(readable)

    def active(self):
        return self.filter(withdrawn_on__isnull=True)

    def upcoming(self, today):
        """The delegations of visits that have not ended by `today`."""
        return self.filter(visit__end_date__gte=today)

    def concerning(self, user):
        """The delegations that are the person's business, not only readable: their
        municipality's, as visitor or host; the partnerships they coach; their programme's, as
        staff; every one for a superuser."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        return self.filter(
            models.Q(visitor__in=access.member_of)
            | models.Q(host__in=access.member_of)
            | models.Q(partnership__in=access.coached_partnerships)
            | models.Q(visit__programme__in=access.staff_of)
        )

    def of_local_government(self, local_government):
        return self.filter(models.Q(visitor=local_government) | models.Q(host=local_government))


class Delegation(models.Model):
    """The visiting municipality's delegation to its partner on one site visit."""

    visit = models.ForeignKey(
        SiteVisit,
        on_delete=models.CASCADE,
        related_name="delegations",
        verbose_name=_("site visit"),
    )
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        related_name="delegations",
        verbose_name=_("partnership"),
    )
    # Set from the partnership and the visit's direction (see `clean`), kept for queries.
    visitor = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("visiting municipality"),
    )
    host = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("host municipality"),
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("why it was withdrawn"), blank=True, max_length=2000)

    objects = DelegationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["visit", "partnership"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "partnership"], name="one_delegation_per_partnership"
            )
        ]

    def __str__(self):
        return _("%(visitor)s to %(host)s") % {"visitor": self.visitor, "host": self.host}

    def save(self, *args, **kwargs):
        self.visitor = self.visit.visitor_of(self.partnership)
        self.host = self.visit.host_of(self.partnership)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("visits:delegation_detail", kwargs={"pk": self.pk})

    def clean(self):
        if (
            self.visit_id
            and self.partnership_id
            and self.partnership.programme_id != self.visit.programme_id
        ):
            raise ValidationError({"partnership": _("The partnership is in another programme.")})

    @property
    def is_withdrawn(self):
        return self.withdrawn_on is not None

    def profile_balance(self):
        """How many members have a political and how many a technical profile."""
        counts = dict.fromkeys(User.Profile.values, 0)
        for member in self.members.all():
            if member.profile in counts:
                counts[member.profile] += 1
        return counts


class DelegationMember(models.Model):
    """A member of a delegation ("Name, position"), with the profile that staff balance."""

    delegation = models.ForeignKey(
        Delegation,
        on_delete=models.CASCADE,
        related_name="members",
        verbose_name=_("delegation"),
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    profile = models.CharField(_("profile"), max_length=20, choices=User.Profile, blank=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("For example: French, Fon."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["delegation", "order", "pk"]

    def __str__(self):
        if self.position:
            return f"{self.name}, {self.position}"
        return self.name
