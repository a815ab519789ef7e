"""Uploaded images: checked by content, re-encoded without metadata, stored under random names.

An upload is accepted when Pillow recognises it as JPEG, PNG or WebP, it is at most 10 MB and
at most 40 million pixels (checked from the header, before anything is decoded: a small file
can hold an image that takes gigabytes to decode). It is then decoded and written anew (turned
upright, at most 1600 px on its longest side, converted to sRGB, without EXIF data such as the
GPS position of the phone that took it and without its colour profile), so what we store and
serve is an image we produced ourselves. A thumbnail of about 320 px is kept beside it for phones.
"""

import io
import uuid
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageCms, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Beyond this many pixels a small file can still take gigabytes to decode.
MAX_PIXELS = 40_000_000
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
            if image_format in ACCEPTED_FORMATS and width * height <= MAX_PIXELS:
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
            _(
                "This image is %(width)s × %(height)s pixels; images may have at most "
                "%(megapixels)s million pixels. Please send a smaller one."
            ),
            code="image_dimensions",
            params={"width": width, "height": height, "megapixels": MAX_PIXELS // 1_000_000},
        )
    try:
        upload.seek(0)
        image = Image.open(upload)
        # A JPEG decodes straight at a fraction of its size when that is all we keep.
        image.draft("RGB", (MAX_SIDE, MAX_SIDE))
        image.load()
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise not_an_image from None
    return image


def reencode(image, *, max_side=MAX_SIDE):
    """A new file holding the image, upright, scaled down to max_side, in sRGB and without
    metadata (no EXIF, no colour profile).

    Opaque images become JPEG, images with transparency PNG. The name is random.
    """
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    orientation = image.getexif().get(ExifTags.Base.Orientation)
    icc_profile = image.info.get("icc_profile")
    # Scale down first: the rotation and the colour conversion then work on the small image.
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    mode = "RGBA" if has_alpha else "RGB"
    converted = _to_srgb(image, icc_profile, mode) if icc_profile else None
    image = converted if converted is not None else image.convert(mode)
    if orientation in ORIENTATIONS:
        image = image.transpose(ORIENTATIONS[orientation])
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    buffer = io.BytesIO()
    if has_alpha:
        clean.save(buffer, "PNG", optimize=True)
        extension = "png"
    else:
        clean.save(buffer, "JPEG", quality=85, optimize=True)
        extension = "jpg"
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


# EXIF orientation -> the transposition that makes the image upright (as ImageOps.exif_transpose).
ORIENTATIONS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _to_srgb(image, icc_profile, mode):
    """The image converted from its embedded colour profile to sRGB in `mode`, or None when
    the profile cannot be applied (the profile itself is never kept)."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        return ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


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
