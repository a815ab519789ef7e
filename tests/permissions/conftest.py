import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from tests.permissions.world import build_world


@pytest.fixture(scope="session")
def _permissions_media(tmp_path_factory):
    return tmp_path_factory.mktemp("permissions-media")


@pytest.fixture(autouse=True)
def _media_root(settings, _permissions_media):
    """The world's files stay where the world put them, for every test of the module."""
    settings.MEDIA_ROOT = _permissions_media


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, _permissions_media):
    """The two-programme world of tests/permissions/world.py, built once per module inside a
    transaction that is rolled back at its end; each test runs in a savepoint within it."""
    with (
        django_db_blocker.unblock(),
        translation.override("en"),
        override_settings(
            MEDIA_ROOT=_permissions_media,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        transaction.atomic(),
    ):
        yield build_world()
        transaction.set_rollback(True)
