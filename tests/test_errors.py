"""Error pages: 404 and 403 inside the site's layout and in the user's language; 500 on its own."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_focal_point_sees_404_inside_the_layout(client, focal_point):
    client.force_login(focal_point)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    content = response.content.decode()
    assert 'lang="en"' in content
    assert "Page not found" in content
    assert 'class="site-header' in content
    assert reverse("partnerships:partnership_list") in content


def test_partner_sees_404_in_french(client, partner_focal_point):
    client.force_login(partner_focal_point)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'lang="fr"' in content
    with translation.override("fr"):
        assert translation.gettext("Page not found") in content
        assert translation.gettext("Log out") in content
    assert "Page not found" not in content


def test_stranger_gets_404_for_someone_elses_partnership(client, stranger, partnership):
    client.force_login(stranger)
    response = client.get(partnership.get_absolute_url())
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]


def test_focal_point_sees_403_inside_the_layout(client, focal_point, partnership):
    client.force_login(focal_point)
    response = client.get(reverse("partnerships:partnership_status", args=[partnership.pk]))
    assert response.status_code == 403
    assert "403.html" in [template.name for template in response.templates]
    content = response.content.decode()
    assert 'class="site-header' in content
    assert "Not allowed" in content


def test_partner_sees_403_in_french(client, partner_focal_point, partnership):
    client.force_login(partner_focal_point)
    response = client.get(reverse("partnerships:partnership_status", args=[partnership.pk]))
    assert response.status_code == 403
    content = response.content.decode()
    assert 'lang="fr"' in content
    with translation.override("fr"):
        assert translation.gettext("Log out") in content
    assert "Log out" not in content


def test_500_page_renders_without_request_context_or_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    content = response.content.decode()
    assert "Something went wrong" in content
    assert "<link" not in content  # standalone: no static files that might be missing
    assert 'href="/"' in content


def test_a_request_larger_than_the_limit_is_refused_before_it_is_read(
    client, partner_focal_point, settings
):
    settings.MAX_REQUEST_BYTES = 1000
    client.force_login(partner_focal_point)
    response = client.post(reverse("home"), {"text": "x" * 2000})
    assert response.status_code == 413
    content = response.content.decode()
    with translation.override("fr"):
        assert translation.gettext("Too much sent at once") in content
    assert "1000" in content  # the limit, as filesizeformat writes it


def test_the_production_limit_lets_five_largest_attachments_through(settings):
    assert settings.MAX_REQUEST_BYTES > 5 * 25 * 1024 * 1024


def test_a_form_with_too_many_fields_gets_a_page_in_the_users_language(
    client, partner_focal_point, settings
):
    client.force_login(partner_focal_point)
    fields = {f"field-{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post(reverse("set_language"), fields)
    assert response.status_code == 400
    assert "400.html" in [template.name for template in response.templates]
    with translation.override("fr"):
        assert translation.gettext("Request not understood") in response.content.decode()


@pytest.mark.parametrize("path", ["/no-such-page/", "/partnerships/999999/"])
def test_with_debug_a_missing_page_is_still_the_sites_own_in_french(
    client, partner_focal_point, settings, path
):
    settings.DEBUG = True
    client.force_login(partner_focal_point)
    response = client.get(path)
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    with translation.override("fr"):
        assert translation.gettext("Page not found") in response.content.decode()
