from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SheetScope(models.Model):
    """The one sheet of a one-per-owner tool that a municipality has in a programme.

    Each owner municipality of such a sheet has a row here; the unique constraint makes the
    database refuse a second sheet of the same tool for the same municipality and programme,
    even when two people create it at the same moment (see `learning.services.sheet_scope_claim`).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    sheet = GenericForeignKey("content_type", "object_id")
    owner = models.ForeignKey(
        "partnerships.LocalGovernment",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("owner municipality"),
    )
    programme = models.ForeignKey(
        "partnerships.Programme",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("programme"),
    )

    class Meta:
        verbose_name = _("sheet scope")
        verbose_name_plural = _("sheet scopes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "owner", "programme"],
                name="one_sheet_per_tool_owner_and_programme",
            )
        ]

    def __str__(self):
        return f"{self.content_type.model}: {self.owner_id} in {self.programme_id}"
