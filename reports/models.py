"""The final report: a job that builds it in the background, and the narrative chapters that
programme staff write for it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.models import LocalGovernment, Partnership, Programme


class ReportJobQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A report holds what its requester may read, so only they (and superusers) see it."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(requested_by=user)


def report_path(job, filename):
    return f"reports/{job.programme_id}/{job.pk or 'new'}/{filename}"


class ReportJob(models.Model):
    """One report to build: for a programme, one of its partnerships or one municipality in it,
    in one language, with or without the filled-in tools as appendices."""

    class Scope(models.TextChoices):
        PROGRAMME = "programme", _("programme")
        PARTNERSHIP = "partnership", _("partnership")
        LOCAL_GOVERNMENT = "local_government", _("municipality")

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("being built")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partnership"),
    )
    local_government = models.ForeignKey(
        LocalGovernment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    with_appendices = models.BooleanField(_("with the filled-in tools as appendices"), default=True)
    with_images = models.BooleanField(_("with images"), default=True)
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("current step"), max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=report_path, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    objects = ReportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(partnership__isnull=True)
                | models.Q(local_government__isnull=True),
                name="reportjob_one_scope",
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="reportjob_progress_percent"
            ),
        ]

    def __str__(self):
        return f"{self.get_scope_display()}: {self.subject} ({self.get_language_display()})"

    def get_absolute_url(self):
        return reverse("reports:job_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.partnership_id and self.partnership.programme_id != self.programme_id:
            raise ValidationError({"partnership": _("The partnership is not in this programme.")})

    @property
    def scope(self):
        if self.partnership_id:
            return self.Scope.PARTNERSHIP
        if self.local_government_id:
            return self.Scope.LOCAL_GOVERNMENT
        return self.Scope.PROGRAMME

    def get_scope_display(self):
        return self.Scope(self.scope).label

    @property
    def subject(self):
        """What the report is about: the programme, partnership or municipality."""
        return self.partnership or self.local_government or self.programme

    @property
    def is_finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)


class ReportNarrative(models.Model):
    """The chapters of a programme's report that staff write: the executive summary (results,
    lessons and recommendations, each on the method and on the actors and governance) and the
    conclusions. Each is optional; an empty one leaves its chapter out."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )
    results_method = models.TextField(_("results: the method"), blank=True, max_length=20000)
    results_actors = models.TextField(
        _("results: actors and governance"), blank=True, max_length=20000
    )
    lessons_method = models.TextField(_("lessons: the method"), blank=True, max_length=20000)
    lessons_actors = models.TextField(
        _("lessons: actors and governance"), blank=True, max_length=20000
    )
    recommendations_method = models.TextField(
        _("recommendations: the method"), blank=True, max_length=20000
    )
    recommendations_actors = models.TextField(
        _("recommendations: actors and governance"), blank=True, max_length=20000
    )
    conclusions = models.TextField(_("conclusions"), blank=True, max_length=20000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report chapters")
        verbose_name_plural = _("report chapters")

    def __str__(self):
        return str(self.programme)
