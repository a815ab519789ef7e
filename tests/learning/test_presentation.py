"""Tool 1, the presentation sheet: people, structures, the municipality in images, reasons and
expectations; uploaded images are checked, re-encoded and stored under random names."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from learning import images
from learning.forms import sheet_post_data
from learning.tools.presentation import PresentationImage, PresentationSheet
from learning.tools.registry import get_tool
from tests.factories import PresentationPersonFactory, PresentationSheetFactory
from tests.learning.sheets import pdf_html
from tests.learning.test_page_budgets import page_cost

pytestmark = pytest.mark.django_db

TOOL = get_tool("presentation")


def picture(name="photo.jpg", image_format="JPEG", size=(800, 600), colour="seagreen", **options):
    buffer = io.BytesIO()
    mode = "RGBA" if image_format == "PNG" and colour == "transparent" else "RGB"
    fill = (0, 0, 0, 0) if mode == "RGBA" else colour
    Image.new(mode, size, fill).save(buffer, image_format, **options)
    return SimpleUploadedFile(name, buffer.getvalue())


def jpeg_with_exif(size=(800, 600)):
    """A photo as a phone takes it: sideways (orientation 6) and with a GPS position."""
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to view
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[2] = (50.0, 59.0, 0.0)
    return picture("IMG_0001.JPG", size=size, exif=exif.tobytes())


def create_url(owner):
    return reverse("learning:sheet_create", kwargs={"slug": TOOL.slug, "owner": owner.pk})


def post_data(owner, *, images=(), **changes):
    values = {**TOOL.sample(owner), **changes}
    values["images"] = [{"caption": caption} for caption, _file in images]
    data = sheet_post_data(TOOL, values)
    for index, (_caption, upload) in enumerate(images):
        data[f"images-{index}-image"] = upload
    return data


def shared_sheet(owner, programme, image_count=3):
    sheet = PresentationSheetFactory(owners=[owner], programme=programme)
    PresentationPersonFactory(sheet=sheet, name="Lies Vermeulen")
    for index in range(image_count):
        upload = picture(f"p{index}.png", "PNG")
        PresentationImage.objects.create(
            sheet=sheet, image=images.reencode(Image.open(upload)), caption=f"View {index}"
        )
    sheet.status = PresentationSheet.Status.SHARED
    sheet.save()
    return sheet


# Checking and re-encoding images


@pytest.mark.parametrize(
    ("image_format", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")]
)
def test_jpeg_png_and_webp_are_accepted(image_format, extension):
    upload = picture(f"photo.{extension}", image_format)

    with images.open_checked(upload) as image:
        assert image.format == image_format


def test_gif_is_refused_by_its_content_whatever_its_name():
    upload = picture("photo.jpg", "GIF")

    with pytest.raises(ValidationError) as error:
        images.open_checked(upload)
    assert error.value.code == "image_format"
    assert "JPEG, PNG or WebP" in error.value.messages[0]


def test_a_text_file_named_like_a_photo_is_refused():
    upload = SimpleUploadedFile("photo.jpg", b"this is not an image at all")

    with pytest.raises(ValidationError) as error:
        images.open_checked(upload)
    assert error.value.code == "invalid_image"


def test_a_truncated_image_is_refused():
    whole = picture("photo.png", "PNG", size=(400, 400)).read()
    upload = SimpleUploadedFile("photo.png", whole[: len(whole) // 2])

    with pytest.raises(ValidationError) as error:
        images.open_checked(upload)
    assert error.value.code == "invalid_image"


def test_files_over_10_mb_are_refused_before_decoding():
    upload = SimpleUploadedFile("huge.jpg", b"\xff" * (images.MAX_UPLOAD_BYTES + 1))

    with pytest.raises(ValidationError) as error:
        images.open_checked(upload)
    assert error.value.code == "image_too_large"
    assert "at most 10.0\xa0MB" in error.value.messages[0]


def test_reencoding_strips_exif_and_turns_the_photo_upright():
    with images.open_checked(jpeg_with_exif(size=(800, 600))) as image:
        assert image.getexif()
        stored = images.reencode(image)

    result = Image.open(io.BytesIO(stored.read()))
    assert result.format == "JPEG"
    assert not result.getexif()
    assert result.size == (600, 800)


def test_reencoding_scales_down_to_1600_pixels_and_names_the_file_at_random():
    with images.open_checked(picture("Mairie de Ouinhi.png", "PNG", size=(3200, 1000))) as image:
        stored = images.reencode(image)

    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", stored.name)
    assert Image.open(io.BytesIO(stored.read())).size == (1600, 500)


def test_transparent_images_stay_png():
    with images.open_checked(picture("logo.png", "PNG", colour="transparent")) as image:
        stored = images.reencode(image)

    assert stored.name.endswith(".png")


def test_saved_image_gets_a_small_thumbnail_under_a_random_name(programme, laarne):
    sheet = PresentationSheetFactory(owners=[laarne], programme=programme)
    upload = picture("Kasteel van Laarne.jpg", size=(1200, 900))

    row = PresentationImage.objects.create(
        sheet=sheet, image=images.reencode(Image.open(upload)), caption="The castle"
    )

    assert "Kasteel" not in row.image.name
    assert row.thumbnail.name.startswith("tools/thumbnails/")
    with Image.open(row.thumbnail.path) as thumbnail:
        assert max(thumbnail.size) == images.THUMBNAIL_SIDE


# Filling in the sheet


def test_focal_point_fills_in_the_presentation_with_people_and_images(client, focal_point, laarne):
    client.force_login(focal_point)
    uploads = [(f"Picture {n}", picture(f"IMG_{n}.jpg")) for n in range(3)]

    response = client.post(create_url(laarne), post_data(laarne, images=uploads))

    sheet = PresentationSheet.objects.get()
    assert response.status_code == 302
    assert list(sheet.owners.all()) == [laarne]
    assert sheet.people.get().position == "Director-general"
    assert [image.caption for image in sheet.images.all()] == [
        "Picture 0",
        "Picture 1",
        "Picture 2",
    ]
    assert all(re.search(r"/[0-9a-f]{32}\.jpg$", image.image.name) for image in sheet.images.all())


def test_a_bad_image_is_refused_at_its_field_and_the_rest_is_kept(client, focal_point, laarne):
    client.force_login(focal_point)
    uploads = [("A good one", picture("good.jpg")), ("A GIF", picture("bad.gif", "GIF"))]

    response = client.post(
        create_url(laarne),
        post_data(laarne, images=uploads, reasons="We want to learn about advisory councils."),
    )

    assert response.status_code == 200
    assert not PresentationSheet.objects.exists()
    formset = next(
        formset for formset in response.context["formsets"] if formset.prefix == "images"
    )
    assert formset.forms[1].errors["image"] == [
        "Images must be JPEG, PNG or WebP; this file is GIF."
    ]
    assert not formset.forms[0].errors
    content = response.content.decode()
    assert "We want to learn about advisory councils." in content
    assert 'value="A GIF"' in content


def test_more_than_five_images_are_refused(client, focal_point, laarne):
    client.force_login(focal_point)
    uploads = [(f"Picture {n}", picture(f"IMG_{n}.jpg", size=(40, 30))) for n in range(6)]

    response = client.post(create_url(laarne), post_data(laarne, images=uploads))

    assert response.status_code == 200
    assert not PresentationSheet.objects.exists()
    assert "Please submit at most 5 forms." in response.content.decode()


def test_a_person_without_a_name_is_refused_in_the_users_language(
    client, partner_focal_point, ouinhi
):
    client.force_login(partner_focal_point)
    data = post_data(ouinhi, people=[{"name": "", "position": "Secrétaire exécutif"}])

    response = client.post(create_url(ouinhi), data)

    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    assert 'value="Secrétaire exécutif"' in response.content.decode()


def test_overlong_text_is_refused_at_the_field(client, focal_point, laarne):
    client.force_login(focal_point)

    response = client.post(create_url(laarne), post_data(laarne, reasons="x" * 3001))

    assert response.status_code == 200
    assert (
        response.context["form"]
        .errors["reasons"][0]
        .startswith("Ensure this value has at most 3000 characters")
    )


def test_replacing_the_map_keeps_a_new_thumbnail(client, focal_point, laarne, programme):
    sheet = PresentationSheetFactory(owners=[laarne], programme=programme)
    client.force_login(focal_point)
    data = post_data(laarne)
    data["map_image"] = picture("map.webp", "WEBP", size=(1000, 800))
    data["sheet-version"] = str(sheet.version)

    response = client.post(
        reverse("learning:sheet_update", kwargs={"slug": TOOL.slug, "pk": sheet.pk}), data
    )

    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.map_image.name.endswith(".jpg")
    with Image.open(sheet.map_thumbnail.path) as thumbnail:
        assert thumbnail.size == (320, 256)


# Reading it


def test_partner_reads_the_shared_sheet_with_thumbnails(
    client, partner_focal_point, laarne, programme
):
    sheet = shared_sheet(laarne, programme)
    client.force_login(partner_focal_point)

    response = client.get(sheet.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert "Lies Vermeulen" in content
    for image in sheet.images.all():
        assert f'src="{image.thumbnail.url}"' in content
        assert f'href="{image.image.url}"' in content
        assert f'alt="{image.caption}"' in content


def test_stranger_cannot_find_the_sheet(client, stranger, laarne, programme):
    sheet = shared_sheet(laarne, programme)
    client.force_login(stranger)

    assert client.get(sheet.get_absolute_url()).status_code == 404


def test_owner_is_gently_warned_before_sharing_with_fewer_than_three_images(
    client, focal_point, laarne, programme
):
    sheet = PresentationSheetFactory(owners=[laarne], programme=programme)
    client.force_login(focal_point)

    content = client.get(sheet.get_absolute_url()).content.decode()

    assert "Before you share this sheet:" in content
    assert "The sheet has 0 images; 3 to 5 images help your partner" in content
    assert "Nobody is listed among the people involved." in content


def test_no_warning_with_three_images_and_a_person(client, focal_point, laarne, programme):
    sheet = shared_sheet(laarne, programme)
    sheet.status = PresentationSheet.Status.DRAFT
    sheet.save()
    client.force_login(focal_point)

    content = client.get(sheet.get_absolute_url()).content.decode()

    assert "Before you share this sheet:" not in content


def test_partner_is_not_shown_the_owners_warnings(client, partner_focal_point, laarne, programme):
    sheet = shared_sheet(laarne, programme, image_count=1)
    sheet.status = PresentationSheet.Status.RETURNED
    sheet.save()
    client.force_login(partner_focal_point)

    content = client.get(sheet.get_absolute_url()).content.decode()

    assert "Before you share this sheet:" not in content


def test_the_owners_warnings_kept_for_them_are_not_shown_to_the_partner(
    client, focal_point, partner_focal_point, laarne, programme
):
    """The sheet's partial is kept per reader for this tool: what the owner was shown is not
    what the partner gets, even while it is in the cache."""
    sheet = shared_sheet(laarne, programme, image_count=1)
    sheet.status = PresentationSheet.Status.RETURNED
    sheet.save()
    client.force_login(focal_point)
    assert "Before you share this sheet:" in client.get(sheet.get_absolute_url()).text
    client.force_login(partner_focal_point)

    content = client.get(sheet.get_absolute_url()).text

    assert "Before you share this sheet:" not in content
    assert "The sheet has 1 image" not in content


def test_sharing_with_few_images_is_still_allowed(client, focal_point, laarne, programme):
    sheet = PresentationSheetFactory(owners=[laarne], programme=programme)
    client.force_login(focal_point)

    client.post(
        reverse(
            "learning:sheet_transition",
            kwargs={"slug": TOOL.slug, "pk": sheet.pk, "transition": "share"},
        )
    )

    sheet.refresh_from_db()
    assert sheet.status == PresentationSheet.Status.SHARED


def test_print_view_and_pdf_show_the_sheet_with_its_pictures(client, consultant, laarne, programme):
    sheet = shared_sheet(laarne, programme)
    client.force_login(consultant)

    kwargs = {"slug": TOOL.slug, "pk": sheet.pk}
    printed = client.get(reverse("learning:sheet_print", kwargs=kwargs))
    pdf = client.get(reverse("learning:sheet_pdf", kwargs=kwargs))

    assert "Your reasons for joining this SDG partnership" in printed.content.decode()
    assert "Lies Vermeulen" in printed.content.decode()
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert pdf.content.count(b"/Image") == 3  # the three pictures are in the PDF


def test_the_page_costs_the_same_queries_however_many_people_and_images(
    client, focal_point, laarne, programme
):
    small = shared_sheet(laarne, programme, image_count=1)
    large = shared_sheet(laarne, programme, image_count=5)
    for index in range(6):
        PresentationPersonFactory(sheet=large, name=f"Person {index}")
    client.force_login(focal_point)
    client.get(small.get_absolute_url())

    counts = [page_cost(client, sheet.get_absolute_url())[0] for sheet in (small, large)]

    assert counts[0] == counts[1]


@pytest.mark.parametrize("action", ["sheet_detail", "sheet_update"])
def test_the_warnings_before_sharing_cost_no_queries_of_their_own(
    client, focal_point, laarne, programme, action
):
    """The warnings read the people and images the page shows anyway; the edit page, which
    does not show them, does not read them."""
    shared = shared_sheet(laarne, programme, image_count=1)
    draft = shared_sheet(laarne, programme, image_count=1)
    draft.status = PresentationSheet.Status.DRAFT
    draft.save()
    client.force_login(focal_point)

    counts, pages = [], []
    for sheet in (shared, draft):
        url = reverse(f"learning:{action}", kwargs={"slug": TOOL.slug, "pk": sheet.pk})
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            pages.append(client.get(url).content.decode())
        counts.append(len(queries))

    assert ("Before you share this sheet:" in pages[1]) == (action == "sheet_detail")
    assert counts[0] == counts[1]


def test_the_pdf_has_the_words_of_the_sheet_in_order_without_lists_or_links(
    client, consultant, laarne, programme, monkeypatch
):
    sheet = shared_sheet(laarne, programme, image_count=1)
    PresentationPersonFactory(sheet=sheet, name="Jan Peeters", position="Alderman")
    sheet.national_structure = "A federal state"
    sheet.save()
    client.force_login(consultant)

    html = pdf_html(client, monkeypatch, sheet)
    words = ["1. People/organisations actively", "Lies Vermeulen</strong>, Director-general"]
    words += ["12 years of service", "Jan Peeters</strong>, Alderman"]
    words += ["National level</strong><br>A federal state", "<figcaption>View 0</figcaption>"]
    words += ["Population</strong><br>12,900", "4. Your reasons for joining"]
    positions = [html.index(word) for word in words]
    assert positions == sorted(positions)
    assert "<li" not in html and "<dl" not in html and "<a " not in html and "<section" not in html
