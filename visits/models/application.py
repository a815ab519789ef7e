"""Following what is applied: dated progress notes on an action of an action plan (tool 10),
with their evidence."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def evidence_path(note, filename):
    plan = note.action.sheet
    return f"actions/{plan.programme_id}/{plan.pk}/{filename}"


class ActionNote(models.Model):
    """Progress on an action: what was done, with a link, a photo or a document as evidence."""

    action = models.ForeignKey(
        "visits.Action",
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name=_("action"),
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("what was done"), max_length=3000)
    link = models.URLField(_("link"), blank=True, max_length=500)
    file = models.FileField(_("photo or document"), upload_to=evidence_path, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["action", "-date", "-pk"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.text[:60]}"
