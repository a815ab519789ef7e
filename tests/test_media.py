"""Uploaded files are served only to those who may see the object that holds them now: images
by their storage URL under /media/, attachments by their own view. No path trick reaches a
private file, and a replaced image is served to nobody."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from learning import files, images
from learning.tools.presentation import PresentationImage, PresentationSheet
from tests.factories import (
    MembershipFactory,
    PartnershipFactory,
    PresentationSheetFactory,
    ProgrammeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def reencoded(name="photo.png", colour="seagreen"):
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), colour).save(buffer, "PNG")
    return images.reencode(Image.open(SimpleUploadedFile(name, buffer.getvalue())))


@pytest.fixture
def draft(programme, laarne):
    """Laarne's draft presentation with a map and one image."""
    sheet = PresentationSheetFactory(owners=[laarne], programme=programme)
    sheet.map_image = reencoded("map.png", "white")
    sheet.save()
    PresentationImage.objects.create(sheet=sheet, image=reencoded(), caption="The castle")
    return sheet


@pytest.fixture
def private_file(settings):
    """A file under private/, as attachments of learning questions are stored."""
    folder = settings.MEDIA_ROOT / "private" / "learning" / "attachments"
    folder.mkdir(parents=True)
    (folder / "secret.pdf").write_bytes(b"%PDF secret")
    return "private/learning/attachments/secret.pdf"


def get(client, path):
    """A raw request path, as a browser or curl would send it (no normalisation)."""
    return client.get(path)


def served(response):
    """The body of a streamed file; reading it to the end closes the file (through the test
    client, which keeps the test's database connection open)."""
    return b"".join(response.streaming_content)


def status(client, url):
    response = client.get(url)
    if response.streaming:
        served(response)
    return response.status_code


def test_the_owners_get_their_images_and_thumbnails(client, focal_point, draft):
    client.force_login(focal_point)
    image = draft.images.get()
    for field_file in (image.image, image.thumbnail, draft.map_image, draft.map_thumbnail):
        response = client.get(field_file.url)
        assert response.status_code == 200, field_file.name
        with field_file.storage.open(field_file.name) as stored:
            assert served(response) == stored.read()
        assert response["Content-Type"] in ("image/jpeg", "image/png")


def test_images_are_served_as_stored_even_to_a_browser_that_accepts_gzip(
    client, focal_point, draft
):
    client.force_login(focal_point)
    field_file = draft.images.get().image
    response = client.get(field_file.url, headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in response
    with field_file.storage.open(field_file.name) as stored:
        assert served(response) == stored.read()


def test_anonymous_visitors_are_sent_to_log_in(client, draft):
    response = client.get(draft.images.get().image.url)
    assert response.status_code == 302
    assert reverse("login") in response.url


def test_a_stranger_who_knows_the_name_gets_no_image_of_a_draft(client, stranger, draft):
    client.force_login(stranger)
    image = draft.images.get()
    for field_file in (image.image, image.thumbnail, draft.map_image, draft.map_thumbnail):
        assert client.get(field_file.url).status_code == 404, field_file.name


def test_the_partner_gets_images_once_the_sheet_is_shared(client, partner_focal_point, draft):
    client.force_login(partner_focal_point)
    url = draft.images.get().image.url
    assert client.get(url).status_code == 404
    draft.status = PresentationSheet.Status.SHARED
    draft.save()
    assert status(client, url) == 200


def test_a_member_of_another_programme_gets_no_image_even_of_a_shared_sheet(client, draft):
    other = ProgrammeFactory(name="Another programme")
    elsewhere = PartnershipFactory(programme=other)
    reader = MembershipFactory(user=UserFactory(), local_government=elsewhere.north).user
    draft.status = PresentationSheet.Status.SHARED
    draft.save()
    client.force_login(reader)
    assert client.get(draft.images.get().image.url).status_code == 404
    assert client.get(draft.map_image.url).status_code == 404


def test_a_replaced_or_deleted_image_is_served_to_nobody(client, focal_point, superuser, draft):
    old_map = draft.map_image.url
    old_thumbnail = draft.map_thumbnail.url
    draft.map_image = reencoded("new-map.png", "black")
    draft.save()
    row = draft.images.get()
    old_image = row.image.url
    row.delete()
    for user in (focal_point, superuser):
        client.force_login(user)
        for url in (old_map, old_thumbnail, old_image):
            assert client.get(url).status_code == 404, url
        assert status(client, draft.map_image.url) == 200


@pytest.mark.parametrize(
    "path",
    [
        "/media//private/learning/attachments/secret.pdf",
        "/media/%2e/private/learning/attachments/secret.pdf",
        "/media/./private/learning/attachments/secret.pdf",
        "/media/private/learning/attachments/secret.pdf",
        "/media/private%2flearning%2fattachments%2fsecret.pdf",
        "/media/tools/../private/learning/attachments/secret.pdf",
        "/media/tools/%2e%2e/private/learning/attachments/secret.pdf",
        "/media/%2fprivate/learning/attachments/secret.pdf",
        "/media/../sdgp/settings.py",
    ],
)
def test_no_path_trick_reaches_a_private_file(client, superuser, private_file, path):
    client.force_login(superuser)
    assert get(client, path).status_code == 404


def test_tricks_on_an_image_name_do_not_reach_it_either(client, focal_point, draft):
    client.force_login(focal_point)
    name = draft.images.get().image.name
    for path in (f"/media//{name}", f"/media/./{name}", f"/media/tools/../{name}"):
        assert get(client, path).status_code == 404, path


def test_every_file_field_is_served_with_a_visibility_rule_or_by_its_own_view(
    django_user_model,
):
    """A new FileField or ImageField must say who may read its files."""
    user = django_user_model(pk=1)
    served = {f"{model._meta.label}.{name}" for model, name in files.served_fields()}
    every = {f"{model._meta.label}.{name}" for model, name in files.file_fields()}
    assert every == served | files.OWN_VIEWS
    assert "learning.PresentationImage.thumbnail" in served
    for model, _name in files.served_fields():
        files.visible(model, user)
