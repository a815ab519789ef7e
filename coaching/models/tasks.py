"""A task a meeting sets ("present tool 2 at the next bilateral"): for a municipality or a
person, with a due date and a status."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.access import Access


class TaskQuerySet(models.QuerySet):
    def visible_to(self, user):
        access = Access.of(user)
        if access.superuser:
            return self.all()
        readable = models.Q(owner_user=user) | models.Q(programme__one_of=access.staff_of)
        readable |= models.Q(owner_local_government__one_of=access.member_of)
        for programme, sides in access.coached.items():
            readable |= models.Q(programme=programme, owner_local_government__one_of=sides)
        return self.filter(readable)

    def open(self):
        return self.filter(status=Task.Status.OPEN)


class Task(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("to do")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    programme = models.ForeignKey(
        "partnerships.Programme",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("programme"),
    )
    meeting = models.ForeignKey(
        "coaching.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("set at the meeting"),
    )
    title = models.CharField(_("task"), max_length=300)
    owner_local_government = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True, editable=False)
    # When the owners were told it is due (so that they are told once).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = TaskQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["status", "due_date", "pk"]

    def __str__(self):
        return self.title
