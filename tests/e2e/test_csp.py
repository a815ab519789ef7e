"""The Content-Security-Policy blocks nothing the pages need: no inline script or style of ours
is refused and the admin's nonce'd blocks are allowed."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def refusals(page):
    """Console messages in which the browser reports what the policy refused."""
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return messages


def test_staff_pages_load_without_a_policy_refusal(phone, live_server, login, staff, partnership):
    refused = refusals(phone)
    login(phone, staff)
    for url in (
        reverse("home"),
        partnership.get_absolute_url(),
        reverse("partnerships:partnership_status", args=[partnership.pk]),
        reverse("learning:supply_demand", args=[partnership.programme_id]),
        reverse("learning:evolution_overview", args=[partnership.programme_id]),
        reverse("password_change"),
    ):
        response = phone.goto(live_server.url + url)
        assert response.status == 200, url
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert refused == []


def test_the_admin_loads_without_a_policy_refusal(desktop, live_server, login):
    refused = refusals(desktop)
    admin = UserFactory(is_staff=True, is_superuser=True)
    login(desktop, admin)
    for url in ("/admin/", "/admin/partnerships/user/"):
        assert desktop.goto(live_server.url + url).status == 200, url
    assert refused == []
