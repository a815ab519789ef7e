"""The language switch and each user's preferred language."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_language_switch_offers_the_three_languages_in_their_own_names(client, focal_point):
    client.force_login(focal_point)
    content = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("set_language")}"' in content
    for code, name in [("en", "English"), ("fr", "Français"), ("nl", "Nederlands")]:
        assert f'value="{code}"' in content
        assert name in content


def test_language_switch_sets_the_language(client, focal_point):
    client.force_login(focal_point)
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    content = client.get(reverse("password_change")).content.decode()
    assert 'lang="fr"' in content
    assert "Ancien mot de passe" in content  # Django's own translation of "Old password"


def test_anonymous_visitor_can_switch_the_login_page_to_dutch(client):
    client.post(reverse("set_language"), {"language": "nl", "next": "/login/"})
    content = client.get(reverse("login")).content.decode()
    assert 'lang="nl"' in content
    assert "Wachtwoord" in content


def test_user_with_french_preference_sees_french_after_login(client, partner_focal_point):
    response = client.post(
        reverse("login"),
        {"username": partner_focal_point.username, "password": "a-long-test-password"},
    )
    assert response.status_code == 302
    content = client.get(reverse("password_change")).content.decode()
    assert 'lang="fr"' in content
    assert "Ancien mot de passe" in content


def test_language_switch_wins_over_the_users_preference(client, partner_focal_point):
    client.force_login(partner_focal_point)
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    content = client.get(reverse("password_change")).content.decode()
    assert 'lang="nl"' in content
    assert "Oud wachtwoord" in content


def test_english_user_sees_english(client, focal_point):
    client.force_login(focal_point)
    content = client.get(reverse("password_change")).content.decode()
    assert 'lang="en"' in content
    assert "Old password" in content


def test_english_dates_name_the_month_and_use_a_24_hour_clock():
    import datetime

    from django.utils import formats, translation

    moment = datetime.datetime(2026, 11, 29, 20, 8, tzinfo=datetime.UTC)
    with translation.override("en"):
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "29 Nov 2026, 20:08"
        assert formats.date_format(moment, "SHORT_DATE_FORMAT") == "29 Nov 2026"


def test_a_partnership_is_running_since_a_month_without_article_in_french(
    client, partner_focal_point, partnership
):
    import datetime

    partnership.start_date = datetime.date(2024, 1, 15)
    partnership.save()
    client.force_login(partner_focal_point)
    html = client.get(partnership.get_absolute_url()).content.decode()
    assert "depuis janvier 2024" in html
