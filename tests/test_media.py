import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(settings):
    folder = settings.MEDIA_ROOT / "presentation"
    folder.mkdir(parents=True)
    (folder / "abc123.png").write_bytes(b"\x89PNG picture")
    private = settings.MEDIA_ROOT / "private"
    private.mkdir()
    (private / "secret.pdf").write_bytes(b"%PDF secret")
    return "presentation/abc123.png"


def test_logged_in_people_get_uploaded_images(client, focal_point, image):
    client.force_login(focal_point)
    response = client.get(reverse("media", kwargs={"path": image}))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG picture"


def test_anonymous_visitors_are_sent_to_log_in(client, image):
    response = client.get(reverse("media", kwargs={"path": image}))
    assert response.status_code == 302
    assert reverse("login") in response.url


def test_private_attachments_are_never_served_as_plain_media(client, focal_point, image):
    client.force_login(focal_point)
    assert client.get(reverse("media", kwargs={"path": "private/secret.pdf"})).status_code == 404
    assert client.get(reverse("media", kwargs={"path": "../etc/passwd"})).status_code == 404
