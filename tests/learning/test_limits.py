"""Every input has a bound, and beyond it a clear message: documents that would unpack to too
much, images with too many pixels, formsets claiming too many rows. Colour profiles of uploaded
images are not kept."""

import io
import struct
import time
import tracemalloc
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageCms, ImageFile

from learning import images
from learning.forms import build_forms, current_values, sheet_post_data
from learning.tools.learning_questions import Response, uploads
from learning.tools.learning_questions import forms as question_forms
from learning.tools.presentation import PresentationSheet
from learning.tools.registry import get_tool, tools
from tests.factories import LearningQuestionFactory, LearningQuestionTableFactory
from tests.learning.sheets import create_sheet, url

pytestmark = pytest.mark.django_db

ODT = b"application/vnd.oasis.opendocument.text"


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def odt_declaring(unpacked_bytes):
    """A tiny ODT whose `mimetype` entry claims to unpack to `unpacked_bytes`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", ODT)
        archive.writestr("content.xml", "<office:document-content/>")
        archive.getinfo("mimetype").file_size = unpacked_bytes
    return buffer.getvalue()


def odt_unpacking_to(unpacked_bytes):
    """An ODT whose `mimetype` entry really unpacks to `unpacked_bytes` (of zeros)."""
    buffer = io.BytesIO()
    zeros = bytes(1024 * 1024)
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("mimetype", "w") as entry,
    ):
        entry.write(ODT)
        for _ in range(unpacked_bytes // len(zeros)):
            entry.write(zeros)
    return buffer.getvalue()


def png_of(width, height):
    """A 1-bit PNG of width × height black pixels: a few kilobytes for tens of megapixels."""
    row = bytes(1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.fixture
def question(partnership, laarne):
    table = LearningQuestionTableFactory(
        programme=partnership.programme, owners=[laarne], status="shared"
    )
    return LearningQuestionFactory(table=table, order=1, text="How do citizens take part?")


# Zip-based documents


def test_an_odt_declaring_300_mb_unpacked_is_refused_without_unpacking_it():
    started = time.monotonic()
    with pytest.raises(ValidationError) as raised:
        uploads.check_attachment(upload("bomb.odt", odt_declaring(300 * 1024 * 1024)))
    assert raised.value.code == "file_unpacks_too_large"
    assert time.monotonic() - started < 2


def test_the_odt_type_check_reads_only_a_few_bytes_of_a_bomb():
    bomb = odt_unpacking_to(48 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as raised:
            uploads.check_attachment(upload("bomb.odt", bomb))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert raised.value.code == "file_content"
    assert peak < 8 * 1024 * 1024


def test_a_real_odt_is_still_accepted():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT)
        archive.writestr("content.xml", "<office:document-content/>")
    kind, _type, _file = uploads.check_attachment(upload("notes.odt", buffer.getvalue()))
    assert kind == "document"


def test_the_partner_is_told_in_french_why_the_bomb_is_refused(
    client, partner_focal_point, question
):
    client.force_login(partner_focal_point)
    response = client.post(
        reverse("learning:response_create", args=[question.pk]),
        {"text": "Notre expérience", "files": [upload("pv.odt", odt_declaring(300 * 1024**2))]},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Notre expérience" in page
    message = (
        "“%(name)s” would unpack to more than %(limit)s; it may be damaged. Send a smaller "
        "document or a PDF."
    )
    with translation.override("fr"):
        french = translation.gettext(message)
    assert french != message
    assert french.split("%(name)s")[1].split("%(limit)s")[0] in page
    assert not Response.objects.exists()


# Images


def test_a_small_png_of_too_many_pixels_is_refused_before_it_is_decoded(monkeypatch):
    bomb = png_of(7000, 7000)  # 49 million pixels in a few kilobytes
    assert len(bomb) < 100 * 1024

    def no_decoding(self):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    with pytest.raises(ValidationError) as raised:
        images.open_checked(upload("map.png", bomb))
    assert raised.value.code == "image_dimensions"
    assert "7000 × 7000" in str(raised.value.message % raised.value.params)


def test_the_focal_point_is_told_the_map_has_too_many_pixels(client, focal_point, laarne):
    tool = get_tool("presentation")
    client.force_login(focal_point)
    data = sheet_post_data(tool, tool.sample(laarne))
    data["map_image"] = upload("map.png", png_of(7000, 7000))
    response = client.post(
        reverse("learning:sheet_create", kwargs={"slug": tool.slug, "owner": laarne.pk}), data
    )
    assert response.status_code == 200
    assert "7000 × 7000 pixels" in response.context["form"].errors["map_image"][0]
    assert not PresentationSheet.objects.exists()


def test_the_colour_profile_of_an_uploaded_image_is_not_kept(client, focal_point, laarne):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "seagreen").save(buffer, "JPEG", icc_profile=profile)
    assert Image.open(io.BytesIO(buffer.getvalue())).info["icc_profile"]
    tool = get_tool("presentation")
    client.force_login(focal_point)
    data = sheet_post_data(tool, tool.sample(laarne))
    data["map_image"] = upload("map.jpg", buffer.getvalue())

    response = client.post(
        reverse("learning:sheet_create", kwargs={"slug": tool.slug, "owner": laarne.pk}), data
    )

    assert response.status_code == 302
    sheet = PresentationSheet.objects.get()
    for stored in (sheet.map_image, sheet.map_thumbnail):
        with Image.open(stored.path) as image:
            assert "icc_profile" not in image.info
            assert "exif" not in image.info


# Formsets


@pytest.mark.parametrize("tool", [pytest.param(tool, id=tool.slug) for tool in tools()])
def test_a_sheet_claiming_2000_rows_is_refused_with_a_message(client, focal_point, laarne, tool):
    client.force_login(focal_point)
    sheet = create_sheet(client, tool, laarne)
    data = sheet_post_data(tool, current_values(tool, sheet), version=sheet.version)
    for formset in build_forms(tool, instance=sheet)[1]:
        data[f"{formset.prefix}-TOTAL_FORMS"] = "2000"

    response = client.post(url("sheet_update", sheet), data)

    assert response.status_code == 200
    for formset in response.context["formsets"]:
        assert len(formset.forms) <= formset.max_num <= 100
        assert formset.non_form_errors()
        assert str(formset.non_form_errors()[0]) in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.version == 1


def test_obstacles_claiming_2000_rows_are_refused_with_a_message(client, focal_point, question):
    client.force_login(focal_point)
    data = {
        "question-version": str(question.version),
        "obstacles-TOTAL_FORMS": "2000",
        "obstacles-INITIAL_FORMS": "0",
        "subquestions-TOTAL_FORMS": "2000",
        "subquestions-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("learning:question_update", args=[question.pk]), data)
    assert response.status_code == 200
    for name in ("obstacle_formset", "subquestion_formset"):
        formset = response.context[name]
        assert len(formset.forms) <= question_forms.MAX_ROWS
        assert formset.non_form_errors()


@pytest.mark.parametrize("tool", [pytest.param(tool, id=tool.slug) for tool in tools()])
def test_a_full_sheet_fits_the_limit_on_fields_per_request(settings, tool):
    form, formsets = build_forms(tool)
    fields = len(form.fields) + 2  # the version and the CSRF token
    for formset in formsets:
        fields += 4 + formset.max_num * len(formset.empty_form.fields)
    assert fields <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
