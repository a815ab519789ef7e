"""The shared base of every tool: owners, programme, status, version, history, comments."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.models import LocalGovernment, Partnership


class ToolSheetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The owners' teams, their consultants and programme staff see every sheet; partner
        municipalities and umbrella observers see it once it has been shared."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        own = LocalGovernment.objects.of_member(user).values("pk")
        as_member = Partnership.objects.filter(models.Q(north__in=own) | models.Q(south__in=own))
        coached = Partnership.objects.filter(consultants=user)
        observed = LocalGovernment.objects.filter(umbrella__observers=user).values("pk")
        full_access = (
            models.Q(owners__in=own)
            | models.Q(owners__in=coached.values("north"))
            | models.Q(owners__in=coached.values("south"))
            | models.Q(programme__staff=user)
        )
        after_sharing = models.Q(status__in=ToolSheet.Status.shared_values()) & (
            models.Q(owners__in=as_member.values("north"))
            | models.Q(owners__in=as_member.values("south"))
            | models.Q(owners__in=observed)
        )
        return self.filter(full_access | after_sharing).distinct()

    def owned_by(self, local_government):
        return self.filter(owners=local_government)


class ToolSheet(models.Model):
    """A filled-in tool. Concrete tools subclass it (see learning/tools/*.py)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SHARED = "shared", _("shared with the partner")
        RETURNED = "returned", _("returned for changes")
        REVIEWED = "reviewed", _("reviewed by the consultant")

        @classmethod
        def shared_values(cls):
            """Statuses in which the partner municipality may read the sheet."""
            return [cls.SHARED, cls.RETURNED, cls.REVIEWED]

    programme = models.ForeignKey(
        "partnerships.Programme",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("programme"),
    )
    owners = models.ManyToManyField(
        "partnerships.LocalGovernment",
        related_name="+",
        verbose_name=_("owner municipalities"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, editable=False
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    comments = GenericRelation("learning.Comment")
    history = HistoricalRecords(inherit=True)

    objects = ToolSheetQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-updated_at"]

    def __str__(self):
        owners = ", ".join(str(owner) for owner in self.owners.all())
        return f"{self.tool.title}: {owners}"

    def get_absolute_url(self):
        return reverse("learning:sheet_detail", kwargs={"slug": self.tool.slug, "pk": self.pk})

    def clean(self):
        if self.pk and not self.owners.exists():
            raise ValidationError(_("A tool needs at least one owner municipality."))
