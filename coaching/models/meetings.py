"""A meeting: individual coaching (the consultant and one municipality), bilateral (the two
municipalities of a partnership, facilitated by the consultant) or knowledge network (every
municipality of the programme, led by the programme's staff)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.access import Access

# The report's lesson: a digital meeting of about 90 minutes; a longer agenda gets a warning.
TIME_BUDGET_MINUTES = 90


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Programme staff see the programme's meetings; a consultant those of the
        partnerships they coach and the programme's network meetings; a municipality's team its
        own coaching, its partnerships' bilaterals and its programmes' network meetings; an
        observer the bilaterals and network meetings of the partnerships it observes."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        network = models.Q(kind=Meeting.Kind.NETWORK, programme__one_of=access.programmes)
        staff = models.Q(programme__one_of=access.staff_of)
        coached = models.Q(partnership__one_of=access.coached_partnerships)
        for programme, sides in access.coached.items():
            coached |= models.Q(programme=programme, local_government__one_of=sides)
        own = models.Q(local_government__one_of=access.member_of)
        own |= models.Q(partnership__north__one_of=access.member_of)
        own |= models.Q(partnership__south__one_of=access.member_of)
        observed = models.Q(kind=Meeting.Kind.BILATERAL) & (
            models.Q(partnership__north__one_of=access.observed_local_governments)
            | models.Q(partnership__south__one_of=access.observed_local_governments)
        )
        return self.filter(network | staff | coached | own | observed)


class Meeting(models.Model):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("individual coaching")
        BILATERAL = "bilateral", _("bilateral meeting")
        NETWORK = "network", _("knowledge network")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    programme = models.ForeignKey(
        "partnerships.Programme",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("programme"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    # A bilateral's partnership; an individual coaching's municipality.
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("partnership"),
    )
    local_government = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    duration = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=TIME_BUDGET_MINUTES
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="fr"
    )
    place = models.CharField(
        _("where"), max_length=300, blank=True, help_text=_("A room, or the link of the call.")
    )
    external_speakers = models.TextField(_("external speakers"), blank=True, max_length=2000)
    minutes = models.TextField(_("minutes"), blank=True, max_length=20000)
    decisions = models.TextField(_("decisions"), blank=True, max_length=5000)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PLANNED)
    # Held by the partners themselves, without the consultant: the report's lesson is that
    # partners should come to talk to each other directly.
    without_consultant = models.BooleanField(_("held by the partners themselves"), default=False)
    questions = models.ManyToManyField(
        "learning.LearningQuestion",
        blank=True,
        related_name="+",
        verbose_name=_("learning questions discussed"),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("organiser"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # When the participants were told it is tomorrow, with its pre-read (so, once).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self):
        if self.title:
            return self.title
        day = date_format(timezone.localtime(self.starts_at), "DATE_FORMAT")
        return f"{capfirst(self.get_kind_display())}, {day}"

    def get_absolute_url(self):
        return reverse("coaching:meeting_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.kind == self.Kind.BILATERAL and not self.partnership_id:
            raise ValidationError({"partnership": _("A bilateral meeting is of one partnership.")})
        if self.kind == self.Kind.INDIVIDUAL and not self.local_government_id:
            raise ValidationError(
                {"local_government": _("Individual coaching is with one municipality.")}
            )

    def agenda_minutes(self):
        return sum(item.minutes for item in self.agenda.all())

    @property
    def over_budget(self):
        return self.agenda_minutes() > TIME_BUDGET_MINUTES


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("item"), max_length=300)
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=15)
    presenter = models.CharField(_("presented by"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return self.title


class Attendance(models.Model):
    """A participant invited to a meeting, and whether they attended."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("meeting")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("participant"),
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_attendance_per_person")
        ]

    def __str__(self):
        return f"{self.user} @ {self.meeting}"
