"""Serving uploaded files: each file is found through the object it belongs to, and that object
through `visible_to(user)`, so a file is readable by exactly those who may see its object.

Images (and their thumbnails) keep their storage URLs under MEDIA_URL; the view looks the
requested name up among the names the current objects hold, never on disk, so a path trick
(`//`, `.`, `..`, encoded slashes) or the name of a replaced or deleted image finds nothing
(404). Attachments of learning questions have their own view (`learning:attachment_download`).
"""

import mimetypes
import re

from django.apps import apps
from django.db import models
from simple_history.models import HistoricalChanges

from .tools.base import SheetRow, ToolSheet

# File fields served by a view of their own, not under MEDIA_URL: the attachments of responses
# (learning:attachment_download), the built reports (reports:job_download) and the evidence of
# progress on an action (visits:action_note_file).
OWN_VIEWS = {"learning.Attachment.file", "reports.ReportJob.file", "visits.ActionNote.file"}

# A stored name as the app writes it: folders of lower-case letters, a random file name.
STORED_NAME = re.compile(r"[a-z_]+(?:/[a-z_]+)*/[A-Za-z0-9_-]+\.[a-z0-9]{2,5}")

CHUNK = 64 * 1024


def file_fields():
    """(model, field name) of every file field of the project's models, history excluded."""
    return [
        (model, model_field.name)
        for model in apps.get_models()
        if not issubclass(model, HistoricalChanges)
        for model_field in model._meta.concrete_fields
        if isinstance(model_field, models.FileField)
    ]


def served_fields():
    """The file fields served under MEDIA_URL."""
    return [
        (model, name)
        for model, name in file_fields()
        if f"{model._meta.label}.{name}" not in OWN_VIEWS
    ]


def visible(model, user):
    """The objects of `model` whose files `user` may read: the model's own `visible_to`, or,
    for a tool's rows, the rows of the sheets the user may see."""
    if hasattr(model._default_manager, "visible_to"):
        return model._default_manager.visible_to(user)
    if issubclass(model, SheetRow):
        for model_field in model._meta.concrete_fields:
            if model_field.is_relation and issubclass(model_field.related_model, ToolSheet):
                sheets = model_field.related_model._default_manager.visible_to(user)
                return model._default_manager.filter(**{f"{model_field.name}__in": sheets})
    raise LookupError(f"No visibility rule for the files of {model._meta.label}")


def find_served_file(user, name):
    """The stored file called `name` if an object `user` may see holds it now, else None."""
    if not STORED_NAME.fullmatch(name) or len(name) > 200:
        return None
    for model, field_name in served_fields():
        found = visible(model, user).filter(**{field_name: name}).first()
        if found is not None:
            return getattr(found, field_name)
    return None


def content_type(name):
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def byte_range(header, size):
    """(start, end) of a `Range: bytes=first-last` header within `size` bytes; None without a
    usable header; ValueError when the range is outside the file (416)."""
    requested = re.fullmatch(r"bytes=(\d*)-(\d*)", header or "")
    if not requested or not size or requested.groups() == ("", ""):
        return None
    first, last = requested.groups()
    if first:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    else:
        start, end = max(0, size - int(last)), size - 1
    if start > end:
        raise ValueError
    return start, end


def stream(field_file, start, end):
    """Yield bytes `start` to `end` of a stored file, a chunk at a time."""
    with field_file.open("rb") as handle:
        handle.seek(start)
        remaining = end - start + 1
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
