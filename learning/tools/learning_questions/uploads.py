"""What a response may attach, and how an upload is recognised: its extension, its size and its
first bytes (or the one entry that makes a zip an office file). Photos are re-encoded."""

import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from learning import images

from .models import Attachment

MAX_FILES = 5
MB = 1024 * 1024
SIZE_LIMITS = {
    Attachment.Kind.DOCUMENT: 10 * MB,
    Attachment.Kind.IMAGE: images.MAX_UPLOAD_BYTES,
    Attachment.Kind.AUDIO: 25 * MB,
    Attachment.Kind.VIDEO: 25 * MB,
}


# Office files are zip archives. We never unpack them; their declared sizes must stay within
# these bounds, and the one entry we read is read with a cap.
MAX_ZIP_ENTRIES = 5000
MAX_UNPACKED_BYTES = 200 * MB
MAX_MARKER_BYTES = 1024


class UnpacksTooLarge(Exception):
    """A zip-based document that declares more unpacked bytes or entries than we accept."""


def _zip_has(upload, name, content=None):
    """Whether the zip holds `name` (starting with `content`). Raises UnpacksTooLarge for an
    archive whose entries would unpack to too much; reads at most MAX_MARKER_BYTES."""
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if (
                len(entries) > MAX_ZIP_ENTRIES
                or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES
            ):
                raise UnpacksTooLarge
            if content is None:
                return name in archive.namelist()
            entry = archive.getinfo(name)
            if entry.file_size > MAX_MARKER_BYTES:
                return False
            with archive.open(entry) as marker:
                return marker.read(len(content)) == content
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError):
        return False
    except (NotImplementedError, RuntimeError):  # an unknown compression, or encrypted
        return False


def _is_mp3(head):
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


# Extension -> (kind, content type, check of the content). Content is checked cheaply: the
# first bytes of the file ("magic bytes"), or the one entry that makes a zip an office file.
ACCEPTED = {
    ".pdf": (Attachment.Kind.DOCUMENT, "application/pdf", lambda f, h: h.startswith(b"%PDF-")),
    ".docx": (
        Attachment.Kind.DOCUMENT,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda f, h: h.startswith(b"PK\x03\x04") and _zip_has(f, "word/document.xml"),
    ),
    ".xlsx": (
        Attachment.Kind.DOCUMENT,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda f, h: h.startswith(b"PK\x03\x04") and _zip_has(f, "xl/workbook.xml"),
    ),
    ".odt": (
        Attachment.Kind.DOCUMENT,
        "application/vnd.oasis.opendocument.text",
        lambda f, h: (
            h.startswith(b"PK\x03\x04")
            and _zip_has(f, "mimetype", b"application/vnd.oasis.opendocument.text")
        ),
    ),
    ".mp3": (Attachment.Kind.AUDIO, "audio/mpeg", lambda f, h: _is_mp3(h)),
    ".m4a": (Attachment.Kind.AUDIO, "audio/mp4", lambda f, h: h[4:8] == b"ftyp"),
    ".ogg": (Attachment.Kind.AUDIO, "audio/ogg", lambda f, h: h.startswith(b"OggS")),
    ".oga": (Attachment.Kind.AUDIO, "audio/ogg", lambda f, h: h.startswith(b"OggS")),
    ".mp4": (Attachment.Kind.VIDEO, "video/mp4", lambda f, h: h[4:8] == b"ftyp"),
    ".webm": (Attachment.Kind.VIDEO, "video/webm", lambda f, h: h.startswith(b"\x1a\x45\xdf\xa3")),
}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
ACCEPT_ATTRIBUTE = ",".join(sorted({*ACCEPTED, *IMAGE_EXTENSIONS}))


def check_attachment(upload):
    """(kind, content type, file to store) for an accepted upload; ValidationError otherwise.

    Photos are re-encoded without their metadata (such as the GPS position of the phone)."""
    name = PurePath(upload.name).name
    extension = PurePath(name).suffix.lower()
    if extension in IMAGE_EXTENSIONS:
        with images.open_checked(upload) as image:
            stored = images.reencode(image)
        content_type = "image/png" if stored.name.endswith(".png") else "image/jpeg"
        return Attachment.Kind.IMAGE, content_type, stored
    if extension not in ACCEPTED:
        raise ValidationError(
            _(
                "“%(name)s” cannot be attached. Send documents (PDF, DOCX, XLSX, ODT), photos "
                "(JPEG, PNG, WebP), audio (MP3, M4A, OGG) or video (MP4, WebM)."
            ),
            code="file_type",
            params={"name": name},
        )
    kind, content_type, looks_right = ACCEPTED[extension]
    limit = SIZE_LIMITS[kind]
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a %(kind)s may be at most %(limit)s."),
            code="file_too_large",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "kind": Attachment.Kind(kind).label,
                "limit": filesizeformat(limit),
            },
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    try:
        matches = looks_right(upload, head)
    except UnpacksTooLarge:
        raise ValidationError(
            _(
                "“%(name)s” would unpack to more than %(limit)s; it may be damaged. Send a "
                "smaller document or a PDF."
            ),
            code="file_unpacks_too_large",
            params={"name": name, "limit": filesizeformat(MAX_UNPACKED_BYTES)},
        ) from None
    if not matches:
        raise ValidationError(
            _("The content of “%(name)s” does not match its type; it may be damaged."),
            code="file_content",
            params={"name": name},
        )
    upload.seek(0)
    return kind, content_type, upload
