"""The shared base of every tool: owners, programme, status, version, history, comments."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from simple_history.models import HistoricalRecords

from partnerships.access import Access
from partnerships.models import Partnership


class ToolSheetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The owners' teams, their consultants in the sheet's programme and its staff see every
        sheet; partner municipalities and umbrella observers of that programme see it once it
        has been shared (partnerships/access.py)."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        shared = models.Q(status__in=ToolSheet.Status.shared_values())
        return self.filter(access.full() | (shared & access.shared())).distinct()

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
    scopes = GenericRelation("learning.SheetScope")
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

    # Status transitions: draft -> shared -> reviewed; shared or reviewed -> returned -> shared.
    # Each refuses from a status it does not start from; learning.services wraps them with
    # their side effects (the comment of a return).

    @property
    def can_be_shared(self):
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def can_be_reviewed(self):
        return self.status == self.Status.SHARED

    @property
    def can_be_returned(self):
        return self.status in (self.Status.SHARED, self.Status.REVIEWED)

    @property
    def is_shared(self):
        return self.status in self.Status.shared_values()

    def share(self, by):
        if not self.can_be_shared:
            raise ValidationError(
                _("Only a draft or a sheet returned for changes can be shared."), code="status"
            )
        self._set_status(self.Status.SHARED, by, gettext_noop("Shared with the partner"))

    def review(self, by):
        if not self.can_be_reviewed:
            raise ValidationError(_("Only a shared sheet can be reviewed."), code="status")
        self._set_status(self.Status.REVIEWED, by, gettext_noop("Reviewed by the consultant"))

    def return_for_changes(self, by, comment):
        if not self.can_be_returned:
            raise ValidationError(
                _("Only a shared or reviewed sheet can be returned for changes."), code="status"
            )
        if not (comment or "").strip():
            raise ValidationError({"text": _("Say what should change.")}, code="required")
        self._set_status(self.Status.RETURNED, by, gettext_noop("Returned for changes"))

    def _set_status(self, status, by, note):
        """Save the new status; the history keeps `note` untranslated and the history page
        shows it in the reader's language."""
        self.status = status
        self._history_user = by
        self._change_reason = note
        self.save(update_fields=["status", "updated_at"])

    def first_shared_at(self):
        """When the sheet was first shared (None for a draft): partners and observers read its
        history from then on."""
        return (
            self.history.filter(status__in=self.Status.shared_values())
            .order_by("history_date")
            .values_list("history_date", flat=True)
            .first()
        )

    def claim_scope(self):
        """Record a sheet of a one-per-owner tool as its owners' one sheet in its programme.
        The database refuses a second one with an IntegrityError, also when two people create
        it at the same moment; call it inside the transaction that creates the sheet."""
        if self.tool.many_per_owner:
            return
        from learning.models import SheetScope

        SheetScope.objects.bulk_create(
            SheetScope(sheet=self, owner=owner, programme_id=self.programme_id)
            for owner in self.owners.all()
        )

    def owner_partnerships(self):
        """The partnerships of the owner municipalities in the sheet's programme."""
        owners = self.owners.values("pk")
        return Partnership.objects.filter(programme=self.programme_id).filter(
            models.Q(north__in=owners) | models.Q(south__in=owners)
        )


class SheetRow(models.Model):
    """Base of a tool's repeating rows: their changes show on the sheet's history page."""

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
