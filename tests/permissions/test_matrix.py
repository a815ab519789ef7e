"""Every named URL, requested by every role: the status code must be the one the matrix says.

Rows live in `tests/permissions/matrix_<area>.py` (a list `ROWS` each). A URL pattern without a
row, a row naming no URL, or a row that forgets a role fails here.
"""

import importlib
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.permissions.matrix import ROLES

pytestmark = pytest.mark.django_db

SKIPPED_NAMESPACES = ("admin",)
SKIPPED_NAMES = {"set_language"}


def collect_rows():
    rows = []
    for path in sorted(Path(__file__).parent.glob("matrix_*.py")):
        module = importlib.import_module(f"tests.permissions.{path.stem}")
        rows.extend(module.ROWS)
    return rows


ROWS = collect_rows()


def url_names(patterns=None, namespace=""):
    """The "namespace:name" of every named pattern, through includes."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def checked_url_names():
    return {
        name
        for name in url_names()
        if name.split(":", 1)[0] not in SKIPPED_NAMESPACES
        and name.rsplit(":", 1)[-1] not in SKIPPED_NAMES
    }


def test_every_url_pattern_is_in_the_matrix():
    missing = sorted(checked_url_names() - {row.name for row in ROWS})
    assert not missing, f"URL patterns with no row in tests/permissions/matrix_*.py: {missing}"


def test_every_row_names_an_existing_url():
    unknown = sorted({row.name for row in ROWS} - url_names())
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
    assert len(ids) == len(set(ids)), "Give rows of the same URL and method a distinct label."


@pytest.mark.parametrize(
    ("row", "role"),
    [pytest.param(row, role, id=f"{row.id}-{role}") for row in ROWS for role in ROLES],
)
def test_role_gets_the_expected_status_code(row, role, world, client):
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    url = reverse(row.name, kwargs=row.kwargs(world) if row.kwargs else None)
    if row.method == "post":
        response = client.post(url, row.data(world) if row.data else {}, follow=False)
    else:
        response = client.get(url, follow=False)
    assert response.status_code == row.expect[role], (
        f"{role} {row.method.upper()} {url}: {response.status_code}, expected {row.expect[role]}"
    )
    if role == "anonymous" and response.status_code == 302:
        assert response.url.startswith(reverse("login")), "anonymous visitors go to log in"
