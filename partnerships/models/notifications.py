"""What happened that a person should know about: a tool shared with them, returned, reviewed or
commented on, an answer to their question, a report ready. Each notification lists on the
person's home until read, and is mailed at once, in a daily digest or not at all, as they
choose."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Each person reads only their own."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # An untranslated message with %(name)s placeholders (marked with gettext_noop where it is
    # written), shown in the reader's language with `params`.
    verb = models.CharField(_("what happened"), max_length=200)
    params = models.JSONField(_("details"), default=dict, blank=True)
    url = models.CharField(_("page"), max_length=500)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partnership"),
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.text

    @property
    def text(self):
        """What happened, in the reader's language. A detail that is itself a message of the
        site (a tool's title) is translated too; names are not messages and stay as written."""
        params = {
            name: gettext(value) if isinstance(value, str) and value else value
            for name, value in self.params.items()
        }
        try:
            return gettext(self.verb) % params
        except (KeyError, TypeError, ValueError):
            return gettext(self.verb)
