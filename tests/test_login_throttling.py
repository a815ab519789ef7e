"""Log-in throttling: failures count per account and, with a larger budget, per address; the
count is atomic; look-alike user names share one count; the password change page counts too."""

import threading
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.cache import SessionStore
from django.urls import resolve, reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's password


def fail_login(client, username, **extra):
    return client.post(reverse("login"), {"username": username, "password": "wrong"}, **extra)


def log_in(client, username, **extra):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD}, **extra)


def test_locking_one_account_out_does_not_lock_out_another_from_the_same_address(
    client, settings, focal_point, partner_focal_point
):
    settings.LOGIN_RATE_LIMIT = 3
    for _ in range(3):
        fail_login(client, focal_point.username)
    assert fail_login(client, focal_point.username).status_code == 429

    response = log_in(client, partner_focal_point.username)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(partner_focal_point.pk)


def test_many_failures_from_one_address_are_refused_whatever_the_account(client, settings):
    settings.LOGIN_RATE_LIMIT = 3
    settings.LOGIN_RATE_LIMIT_PER_ADDRESS = 4
    for number in range(4):
        assert fail_login(client, f"person{number}@example.org").status_code == 200
    response = fail_login(client, "person9@example.org")
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.text


def test_behind_a_trusted_proxy_each_client_address_has_its_own_budget(
    client, settings, focal_point
):
    settings.TRUSTED_PROXIES = 1
    settings.LOGIN_RATE_LIMIT_PER_ADDRESS = 2
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(2):
        fail_login(client, "a@example.org", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert (
        fail_login(client, "b@example.org", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    ).status_code == 429
    # A client cannot choose its address by sending the header itself: the proxy appends.
    assert (
        fail_login(
            client, "b@example.org", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7", **proxy
        )
    ).status_code == 429
    response = log_in(client, focal_point.username, HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
    assert response.status_code == 302


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, settings):
    settings.TRUSTED_PROXIES = 0
    settings.LOGIN_RATE_LIMIT_PER_ADDRESS = 2
    for number in range(2):
        fail_login(client, "a@example.org", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    response = fail_login(client, "b@example.org", HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429


def test_parallel_guesses_never_check_more_passwords_than_the_limit(
    settings, monkeypatch, focal_point
):
    settings.LOGIN_RATE_LIMIT = 5
    checked = []

    def slow_wrong_password(request=None, **credentials):
        checked.append(credentials["username"])
        time.sleep(0.05)  # the window in which a check-then-count limit lets guesses through
        return None

    monkeypatch.setattr("django.contrib.auth.forms.authenticate", slow_wrong_password)
    view = resolve(reverse("login")).func
    statuses = []

    def guess(number):
        from django.test import RequestFactory

        request = RequestFactory().post(
            reverse("login"), {"username": focal_point.username, "password": f"guess{number}"}
        )
        request._dont_enforce_csrf_checks = True
        request.user = AnonymousUser()
        request.session = SessionStore()
        response = view(request)
        response.render()
        statuses.append(response.status_code)

    threads = [threading.Thread(target=guess, args=(number,)) for number in range(25)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(checked) == 5
    assert statuses.count(429) == 20


def test_full_width_user_name_is_counted_with_the_plain_one(client, settings, focal_point):
    settings.LOGIN_RATE_LIMIT = 3
    # Full-width letters: Django's log-in form folds them (NFKC) to the plain name.
    full_width = "".join(
        chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in focal_point.username
    )
    assert full_width != focal_point.username
    # From three addresses, so that only the account's count can refuse the fourth try.
    fail_login(client, focal_point.username, REMOTE_ADDR="192.0.2.1")
    fail_login(client, full_width, REMOTE_ADDR="192.0.2.2")
    fail_login(client, focal_point.username.upper(), REMOTE_ADDR="192.0.2.3")
    assert fail_login(client, full_width, REMOTE_ADDR="192.0.2.4").status_code == 429
    assert log_in(client, focal_point.username, REMOTE_ADDR="192.0.2.5").status_code == 429


def test_full_width_user_name_logs_in_to_the_same_account(client, focal_point):
    full_width = "".join(
        chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in focal_point.username
    )
    assert log_in(client, full_width).status_code == 302
    assert client.session["_auth_user_id"] == str(focal_point.pk)


def test_a_correct_password_does_not_use_up_the_accounts_budget(client, settings, focal_point):
    settings.LOGIN_RATE_LIMIT = 2
    for _ in range(4):
        assert log_in(client, focal_point.username).status_code == 302
        client.logout()
    fail_login(client, focal_point.username)
    assert log_in(client, focal_point.username).status_code == 302


def test_wrong_current_passwords_are_throttled_on_the_password_change_page(
    client, settings, focal_point
):
    settings.LOGIN_RATE_LIMIT = 3
    client.force_login(focal_point)
    url = reverse("password_change")
    guess = {"new_password1": "Another secret 2025", "new_password2": "Another secret 2025"}
    for number in range(3):
        response = client.post(url, {**guess, "old_password": f"guess{number}"})
        assert response.status_code == 200
    response = client.post(url, {**guess, "old_password": PASSWORD})
    assert response.status_code == 429
    assert "Too many wrong current passwords" in response.text
    focal_point.refresh_from_db()
    assert focal_point.check_password(PASSWORD)


def test_wrong_current_passwords_count_against_logging_in(client, settings, focal_point):
    settings.LOGIN_RATE_LIMIT = 2
    client.force_login(focal_point)
    guess = {"new_password1": "Another secret 2025", "new_password2": "Another secret 2025"}
    for number in range(2):
        client.post(reverse("password_change"), {**guess, "old_password": f"guess{number}"})
    client.logout()
    assert log_in(client, focal_point.username).status_code == 429


def test_the_admin_log_in_page_checks_no_password_beside_the_throttled_one(client, settings):
    """The admin's own form would be a second place to guess passwords: it sends people to the
    site's log-in page, which counts failures."""
    settings.LOGIN_RATE_LIMIT = 2
    admin = UserFactory(is_staff=True, is_superuser=True)
    url = reverse("admin:login")
    response = client.post(url, {"username": admin.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_throttled_message_speaks_the_readers_language(client, settings, language):
    settings.LOGIN_RATE_LIMIT = 1
    fail_login(client, "someone@example.org")
    response = fail_login(client, "someone@example.org", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 429
    assert "Too many failed log-in attempts" not in response.text
    assert "15" in response.text
