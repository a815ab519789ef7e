"""Uploaded images: checked by content, re-encoded without metadata, stored under random names.

An upload is accepted when Pillow recognises it as JPEG, PNG or WebP and it is at most 10 MB.
It is then decoded and written anew (turned upright, at most 1600 px on its longest side, no EXIF
data such as the GPS position of the phone that took it), so what we store and serve is an image
we produced ourselves. A thumbnail of about 320 px is kept beside it for phones.
"""

import io
import uuid
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Beyond this many pixels a small file can still take gigabytes to decode.
MAX_PIXELS = 60_000_000
MAX_SIDE = 1600
THUMBNAIL_SIDE = 320


def image_path(instance, filename):
    """Where an image is stored: a random name, whatever the uploader called the file."""
    return f"tools/images/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def thumbnail_path(instance, filename):
    return f"tools/thumbnails/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def open_checked(upload):
    """The decoded image of an uploaded file, or a ValidationError saying what is wrong with it."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This file is %(size)s; images may be at most %(limit)s."),
            code="image_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_UPLOAD_BYTES),
            },
        )
    not_an_image = ValidationError(
        _("This file is not a JPEG, PNG or WebP image, or it is damaged."),
        code="invalid_image",
    )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise not_an_image from None
    if image_format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("Images must be JPEG, PNG or WebP; this file is %(format)s."),
            code="image_format",
            params={"format": image_format},
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("This image is %(width)s × %(height)s pixels; please send a smaller one."),
            code="image_dimensions",
            params={"width": width, "height": height},
        )
    try:
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise not_an_image from None
    return image


def reencode(image, *, max_side=MAX_SIDE):
    """A new file holding the image, upright, scaled down to max_side and without metadata.

    Opaque images become JPEG, images with transparency PNG. The name is random.
    """
    icc_profile = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    options = {"icc_profile": icc_profile} if icc_profile else {}
    buffer = io.BytesIO()
    if has_alpha:
        image.convert("RGBA").save(buffer, "PNG", optimize=True, **options)
        extension = "png"
    else:
        image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True, **options)
        extension = "jpg"
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


def make_thumbnail(field_file, *, side=THUMBNAIL_SIDE):
    """A small copy of a stored or just-uploaded image, for lists and phones."""
    field_file.open("rb")
    try:
        field_file.seek(0)
        with Image.open(field_file) as image:
            image.load()
            return reencode(image, max_side=side)
    finally:
        field_file.seek(0)


class CheckedImageField(forms.FileField):
    """A form field that accepts JPEG, PNG or WebP up to 10 MB and cleans to a re-encoded file."""

    widget = forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE})

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        with open_checked(upload) as image:
            return reencode(image)
