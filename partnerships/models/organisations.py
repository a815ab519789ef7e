from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..access import Access
from ..validators import validate_time_zone, validate_web_address
from .translated import TranslatedName


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user):
        access = Access.of(user)
        if access.superuser:
            return self.all()
        return self.filter(pk__in=access.programmes)


class Programme(models.Model):
    """A programme of SDG partnerships, such as the 2024-2025 pilot within GLoBe."""

    name = models.CharField(_("name"), max_length=200)
    parent_programme = models.CharField(_("parent programme"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    funding_per_partnership = models.DecimalField(
        _("funding per partnership (EUR)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="staffed_programmes",
        verbose_name=_("programme staff"),
    )

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="programme_ends_after_start",
            )
        ]

    def __str__(self):
        return self.name


class Country(TranslatedName):
    class Region(models.TextChoices):
        NORTH = "north", _("North")
        SOUTH = "south", _("South")

    class LocalUnit(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        DISTRICT = "district", _("district")

    iso_code = models.CharField(_("ISO code"), max_length=2, unique=True)
    region = models.CharField(_("region"), max_length=5, choices=Region)
    working_language = models.CharField(
        _("working language"), max_length=8, choices=settings.LANGUAGES
    )
    local_unit = models.CharField(
        _("local government unit"),
        max_length=20,
        choices=LocalUnit,
        default=LocalUnit.MUNICIPALITY,
    )
    # Meetings show their time in each reader's zone: Brussels and Porto-Novo differ in summer.
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("As in the tz database, for example Europe/Brussels or Africa/Porto-Novo."),
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_en"]


class UmbrellaOrganisation(models.Model):
    """An association of local governments: VVSG, ANCB, RALGA."""

    acronym = models.CharField(_("acronym"), max_length=20, unique=True)
    name = models.CharField(_("full name"), max_length=200, blank=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="umbrella_organisations",
        verbose_name=_("country"),
    )
    website = models.URLField(_("website"), blank=True, validators=[validate_web_address])
    observers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="observed_umbrellas",
        verbose_name=_("observers"),
        help_text=_("People of the organisation who read its country's local governments."),
    )

    class Meta:
        verbose_name = _("umbrella organisation")
        verbose_name_plural = _("umbrella organisations")
        ordering = ["acronym"]

    def __str__(self):
        return self.acronym


class LearningTheme(TranslatedName):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="themes", verbose_name=_("programme")
    )
    sdg = models.PositiveSmallIntegerField(
        _("main SDG"), null=True, blank=True, help_text=_("Number of the goal, 1 to 17.")
    )

    class Meta:
        verbose_name = _("learning theme")
        verbose_name_plural = _("learning themes")
        ordering = ["programme", "name_en"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sdg__gte=1, sdg__lte=17) | models.Q(sdg__isnull=True),
                name="learningtheme_sdg_range",
            )
        ]


class LocalGovernmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Own municipality, its partners, those coached or run, those of an observed umbrella
        organisation (not their partners: an observer reads those only through the shared
        tools of the partnership)."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        from .partnerships import Partnership

        run = Partnership.objects.filter(programme__in=access.staff_of)
        return self.filter(
            models.Q(pk__in=access.member_of | access.observed_local_governments)
            | models.Q(pk__one_of=access.sides(access.coached) | access.sides(access.partnered))
            | models.Q(pk__in=run.values("north"))
            | models.Q(pk__in=run.values("south"))
        )

    def of_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def unattached(self):
        """Local governments in no partnership yet (just added, say): the staff of any
        programme may take them into a partnership."""
        return self.filter(north_partnerships__isnull=True, south_partnerships__isnull=True)


class LocalGovernment(models.Model):
    """A municipality (commune, gemeente) or, in Rwanda, a district."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Country.LocalUnit,
        default=Country.LocalUnit.MUNICIPALITY,
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="local_governments",
        verbose_name=_("country"),
    )
    umbrella = models.ForeignKey(
        UmbrellaOrganisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="local_governments",
        verbose_name=_("umbrella organisation"),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True, validators=[validate_web_address])

    objects = LocalGovernmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("local government")
        verbose_name_plural = _("local governments")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "country"], name="localgovernment_unique_name_country"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnerships:localgovernment_detail", kwargs={"pk": self.pk})

    @property
    def is_north(self):
        return self.country.region == Country.Region.NORTH
