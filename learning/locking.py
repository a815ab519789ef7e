"""One optimistic lock for everything edited on its own page: sheets, learning questions and
what later tools edit alone (journal rows, actions).

The object keeps a `version` (`Versioned`). Its form carries the version the person started
from (`VersionForm`); `claim(obj, version)` moves the version one up in the database only if
nobody saved since, and raises `Conflict` otherwise. The page then answers 409 with everything
the person typed and what changed meanwhile (`templates/includes/conflict.html`).
"""

from django import forms
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class Versioned(models.Model):
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class Conflict(Exception):
    """Someone else saved the object after this person started editing it."""

    def __init__(self, current_version):
        super().__init__(f"The object is at version {current_version} now")
        self.current_version = current_version


def claim(obj, version):
    """Take the next version of `obj` if it is still at `version` (call it inside the
    transaction that saves the edit); raise Conflict otherwise."""
    model = type(obj)
    if not model.objects.filter(pk=obj.pk, version=version).update(version=F("version") + 1):
        raise Conflict(model.objects.values_list("version", flat=True).get(pk=obj.pk))
    obj.version = version + 1


class VersionForm(forms.Form):
    """The version the person started editing from; the prefix names what is edited."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, prefix="sheet", **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
