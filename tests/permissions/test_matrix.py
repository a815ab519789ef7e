"""Every URL pattern, requested by every role: the status code must be the one the matrix says.

Rows live in `tests/permissions/matrix_<area>.py` (a list `ROWS` each). A URL pattern without a
row (named or not, the admin's included), a row naming no URL, or a row that forgets a role fails
here.
"""

import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.permissions.matrix import ADMIN_REFUSES, ROLES
from tests.permissions.urls import patterns

pytestmark = pytest.mark.django_db

# Public pages that redirect an anonymous visitor elsewhere than to the log-in page.
PUBLIC = {"set_language", "favicon"}


def collect_rows():
    rows = []
    for path in sorted(Path(__file__).parent.glob("matrix_*.py")):
        module = importlib.import_module(f"tests.permissions.{path.stem}")
        rows.extend(module.ROWS)
    return rows


ROWS = collect_rows()


def test_every_url_pattern_is_in_the_matrix():
    missing = sorted({pattern.key for pattern in patterns()} - {row.name for row in ROWS})
    assert not missing, (
        "URL patterns with no row in tests/permissions/matrix_*.py (a pattern without a name "
        f"shows as route:<its route>): {missing}"
    )


def test_every_row_names_an_existing_url():
    unknown = sorted({row.name for row in ROWS} - {pattern.key for pattern in patterns()})
    assert not unknown, f"Rows naming URLs that do not exist: {unknown}"


def test_every_row_says_what_each_role_gets():
    incomplete = {
        row.id: sorted(set(ROLES) ^ set(row.expect))
        for row in ROWS
        if set(row.expect) != set(ROLES)
    }
    assert not incomplete, f"Rows with missing or unknown roles: {incomplete}"


def test_every_row_has_a_known_method_and_a_unique_id():
    assert {row.method for row in ROWS} <= {"get", "post"}
    ids = [row.id for row in ROWS]
    duplicates = sorted({row_id for row_id in ids if ids.count(row_id) > 1})
    assert not duplicates, f"Give rows of the same URL and method a distinct label: {duplicates}"


def row_url(row, world):
    if row.url is not None:
        return row.url(world)
    return reverse(row.name, kwargs=row.kwargs(world) if row.kwargs else None)


@pytest.fixture(scope="module")
def sessions(world, django_db_blocker):
    """A session per role, made once in the world's transaction: logging in for each of the
    thousands of requests would take a quarter of the time."""
    cookies = {}
    with django_db_blocker.unblock():
        for role in ROLES:
            client = Client()
            if (user := world.user(role)) is not None:
                client.force_login(user)
                cookies[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return cookies


def request(world, sessions, row, role):
    client = Client(raise_request_exception=False)
    if role in sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]
    url = row_url(row, world)
    if row.method == "post":
        return url, client.post(url, row.data(world) if row.data else {}, follow=False)
    return url, client.get(url, follow=False)


def admin_refused(response):
    """403, or a redirect to a log-in page (or, from the admin's log-out, to its index)."""
    if response.status_code == 403:
        return True
    refuge = (reverse("admin:login"), reverse("login"), reverse("admin:index"))
    return response.status_code == 302 and response.url.split("?")[0] in refuge


def mismatch(row, role, url, response):
    """What is wrong with the response `role` got, or None."""
    expected = row.expect[role]
    where = f"{role} {row.method.upper()} {url}: {response.status_code}"
    if expected == ADMIN_REFUSES:
        if not admin_refused(response):
            location = response.get("Location", "")
            return f"{where} {location}, expected a redirect to the admin's log-in page or 403"
        return None
    acceptable = expected if isinstance(expected, tuple) else (expected,)
    if response.status_code not in acceptable:
        return f"{where}, expected {' or '.join(map(str, acceptable))}"
    redirected = role == "anonymous" and response.status_code == 302 and row.name not in PUBLIC
    if redirected and not response.url.startswith(reverse("login")):
        return f"{where} to {response.url}, expected the log-in page"
    return None


@pytest.mark.parametrize("row", [pytest.param(row, id=row.id) for row in ROWS])
def test_every_role_gets_the_expected_status_code(row, world, sessions):
    """Each role in turn, each in a savepoint rolled back after its request."""
    wrong = []
    for role in ROLES:
        cache.clear()
        translation.activate("en")
        with transaction.atomic():
            url, response = request(world, sessions, row, role)
            transaction.set_rollback(True)
        wrong.append(mismatch(row, role, url, response))
    wrong = [message for message in wrong if message]
    assert not wrong, "\n".join(wrong)
