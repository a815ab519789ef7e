"""The layout every page shares (templates/base.html and its includes), as the server renders it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def page(client, user, url="/"):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_focal_point_menu_links_home_partnerships_and_own_municipality(client, focal_point, laarne):
    html = page(client, focal_point)
    assert f'href="{reverse("home")}" aria-current="page"' in html
    assert f'href="{reverse("partnerships:partnership_list")}"' in html
    assert f'href="{laarne.get_absolute_url()}"' in html
    assert f'href="{reverse("partnerships:settings")}"' in html
    assert f'href="{reverse("partnerships:notification_list")}"' in html
    assert f'action="{reverse("logout")}"' in html
    assert reverse("admin:index") not in html


def test_consultant_has_no_municipality_link(client, consultant, laarne):
    """The menu's "my municipality" is for its team (the home may list it among the quiet)."""
    html = page(client, consultant)
    menu = html[html.index('<details class="site-menu"') : html.index("</details>")]
    assert f'href="{laarne.get_absolute_url()}"' not in menu
    assert reverse("admin:index") not in html


def test_account_that_may_enter_the_admin_sees_administration(client, superuser):
    assert f'href="{reverse("admin:index")}"' in page(client, superuser)


def test_programme_staff_with_the_admin_flag_see_no_administration(client, staff):
    """The admin is for superusers; an old admin flag does not bring the link back."""
    staff.is_staff = True
    staff.save()
    assert reverse("admin:index") not in page(client, staff)


def test_log_out_is_a_post_form(client, focal_point):
    html = page(client, focal_point)
    assert f'<form method="post" action="{reverse("logout")}"' in html


def test_menu_is_a_details_element_without_bootstrap_javascript(client, focal_point):
    html = page(client, focal_point)
    assert '<details class="site-menu"' in html
    assert "bootstrap.bundle" not in html and "bootstrap.min.js" not in html


def test_skip_link_points_at_main(client, focal_point):
    html = page(client, focal_point)
    assert 'href="#main"' in html
    assert '<main class="container py-3" id="main"' in html
    assert html.index('href="#main"') < html.index('<header class="site-header')


def test_htmx_requests_carry_the_csrf_token(client, focal_point):
    html = page(client, focal_point)
    assert 'hx-headers=\'{"X-CSRFToken": "' in html


def test_login_page_offers_the_language_switch_but_no_menu(client):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert f'action="{reverse("set_language")}"' in html
    assert "site-menu" not in html


def test_messages_show_after_a_saved_form(client, superuser, partnership):
    client.force_login(superuser)
    response = client.post(
        reverse("partnerships:partnership_status", args=[partnership.pk]),
        {"status": "active", "date": "2025-03-01"},
        follow=True,
    )
    html = response.content.decode()
    assert 'class="alert alert-success" role="status"' in html
    assert "The partnership is now" in html


def test_draft_bar_template_is_on_every_page(client, focal_point):
    html = page(client, focal_point)
    assert '<template id="draft-bar-template">' in html
    assert "A draft you typed on this device was not saved." in html
    assert 'data-saving-label="Saving…"' in html


def test_the_log_in_form_asks_for_the_e_mail_address(client):
    html = client.get(reverse("login")).content.decode()
    assert "E-mail address" in html
    assert "Username" not in html


def test_a_wrong_password_speaks_of_the_e_mail_address(client):
    response = client.post(reverse("login"), {"username": "nobody@example.org", "password": "x"})
    html = response.content.decode()
    assert "correct e-mail address and password" in html


def test_pages_link_our_icon_and_favicon_ico_leads_to_it(client):
    html = client.get(reverse("login")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.svg"
