from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Comment(models.Model):
    """One message in the thread beside a tool: consultant, partner and owners talk here."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    sheet = GenericForeignKey("content_type", "object_id")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    # The key of the form the comment was written in: posting it again finds this comment.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    # The reason given for returning the sheet for changes (learning/workflows.py), which the
    # thread sets apart from the conversation.
    is_return_reason = models.BooleanField(
        _("reason for returning the sheet"), default=False, editable=False
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="one_comment_per_submission"
            )
        ]

    def __str__(self):
        return f"{self.author}: {self.text[:40]}"
