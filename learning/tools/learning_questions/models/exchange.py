"""The exchange around a question: the partner's responses with their attachments, and the
consultant's coaching notes."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnerships.access import Access
from partnerships.models import LocalGovernment

from .questions import LearningQuestion, LearningQuestionTable, PartQuerySet, SubQuestion


def attachment_path(instance, filename):
    """A random name under private/: attachments are served by a view that checks access."""
    extension = ATTACHMENT_EXTENSIONS.get(instance.content_type, "bin")
    return f"private/learning/attachments/{uuid.uuid4().hex}.{extension}"


# Detected content type -> stored extension. What is accepted, and how it is recognised,
# lives in uploads.py.
ATTACHMENT_EXTENSIONS = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/ogg": "ogg",
    "video/mp4": "mp4",
    "video/webm": "webm",
}


class ResponseQuerySet(PartQuerySet):
    """Responses are seen by whoever sees their question, like the question's parts."""


class Response(models.Model):
    """The partner municipality's answer to a learning question or to one of its sub-questions."""

    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("learning question"),
    )
    subquestion = models.ForeignKey(
        SubQuestion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("about the sub-question"),
    )
    subquestion_text = models.TextField(
        _("the sub-question as it was worded"), blank=True, editable=False
    )
    local_government = models.ForeignKey(
        LocalGovernment,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("answered by"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    text = models.TextField(_("response"), max_length=10000, blank=True)
    links = models.TextField(
        _("links"), max_length=3000, blank=True, help_text=_("One web address per line.")
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    # The key of the form the response was written in: posting it again finds this response.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="one_response_per_submission"
            )
        ]

    def __str__(self):
        return f"{self.local_government}: {self.text[:40]}"

    def save(self, *args, **kwargs):
        """Keep the sub-question's wording of the moment: it follows the sub-question through
        later rewordings, and the response still shows what it answered."""
        if self.subquestion_id and not self.subquestion_text:
            self.subquestion_text = self.subquestion.text
        super().save(*args, **kwargs)

    @property
    def link_list(self):
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def clean(self):
        validate = URLValidator(schemes=["http", "https"])
        for link in self.link_list:
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(
                    {"links": _("“%(link)s” is not a web address.") % {"link": link}}
                ) from None
        if self.subquestion_id and self.subquestion.question_id != self.question_id:
            raise ValidationError({"subquestion": _("Choose a sub-question of this question.")})

    @property
    def subquestion_reworded(self):
        """The sub-question's wording when answered, if it has changed since."""
        if self.subquestion and self.subquestion_text != self.subquestion.text:
            return self.subquestion_text
        return ""


class Attachment(models.Model):
    """A document, photo, or short audio or video clip sent with a response."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("document")
        IMAGE = "image", _("photo")
        AUDIO = "audio", _("audio clip")
        VIDEO = "video", _("video clip")

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("response")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["response", "pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("learning:attachment_download", kwargs={"pk": self.pk})


class CoachingNoteQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the consultants of the owners' partnerships and programme staff."""
        access = Access.of(user)
        if access.superuser:
            return self.all()
        tables = LearningQuestionTable.objects.filter(access.coaching())
        return self.filter(question__table__in=tables.values("pk"))


class CoachingNote(models.Model):
    """The consultant's note on a question; the municipalities do not see it."""

    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.CASCADE,
        related_name="coaching_notes",
        verbose_name=_("learning question"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    text = models.TextField(_("coaching note"), max_length=5000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    objects = CoachingNoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("coaching note")
        verbose_name_plural = _("coaching notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:40]
