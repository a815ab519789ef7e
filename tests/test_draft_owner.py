"""Browser drafts are kept per person: each page names its reader by an opaque id that
static/js/app.js files drafts under (the browser behaviour is in tests/e2e/test_drafts.py)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def draft_owner(response):
    match = re.search(r'<body[^>]*\sdata-draft-owner="([^"]+)"', response.text)
    return match.group(1) if match else None


def test_each_person_has_their_own_opaque_draft_owner(client, focal_point, partner_focal_point):
    client.force_login(focal_point)
    first = draft_owner(client.get(reverse("home")))
    assert first == draft_owner(client.get(reverse("home")))
    client.force_login(partner_focal_point)
    second = draft_owner(client.get(reverse("home")))
    assert first and second and first != second
    for user in (focal_point, partner_focal_point):
        assert user.username not in (first, second)
        assert str(user.pk) not in (first, second)


def test_the_log_in_page_names_no_draft_owner(client):
    assert draft_owner(client.get(reverse("login"))) is None


def test_the_log_out_form_is_marked_for_the_drafts_to_be_cleared(client, focal_point):
    client.force_login(focal_point)
    response = client.get(reverse("home"))
    assert re.search(r'<form method="post" action="/logout/"[^>]*\sdata-logout', response.text)
