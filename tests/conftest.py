"""Personas shared by every test.

The world: one programme with two partnerships, Laarne-Ouinhi (the one under test) and
Schoten-Lalo (someone else's). Each persona is a user with one role in it.
"""

import os
import re

import pytest

from tests.factories import (
    LocalGovernmentFactory,
    MembershipFactory,
    PartnershipFactory,
    ProgrammeFactory,
    SouthLocalGovernmentFactory,
    UserFactory,
)


def pytest_configure(config):
    """Parallel workers (pytest-xdist) each get their own Redis database: tests clear the cache,
    which empties the whole database."""
    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    location = settings.CACHES["default"].get("LOCATION", "")
    if not worker or not str(location).startswith("redis://"):
        return
    number = int(worker.removeprefix("gw"))

    def own_database(url):
        return re.sub(r"/(\d+)$", lambda m: f"/{(int(m[1]) + number) % 16}", url)

    settings.CACHES["default"]["LOCATION"] = own_database(location)
    settings.CELERY_BROKER_URL = own_database(settings.CELERY_BROKER_URL)


@pytest.fixture(autouse=True, scope="session")
def _tasks_inline():
    """Background jobs run inside the test, also where CI gives Celery a real broker."""
    from sdgp.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English, whatever language the previous request activated."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _clear_cache():
    """An empty cache for each test, which keeps what it keeps as with Redis. Not through the
    `settings` fixture: a test's own changes to the cache are undone before this clears it."""
    from django.core.cache import cache
    from django.test import override_settings

    with override_settings(CACHE_SECONDS=300):
        cache.clear()
        yield
        cache.clear()


@pytest.fixture
def programme(db):
    return ProgrammeFactory(name="SDG Partnerships 2024-2025")


@pytest.fixture
def laarne(db):
    return LocalGovernmentFactory(name="Laarne")


@pytest.fixture
def ouinhi(db):
    return SouthLocalGovernmentFactory(name="Ouinhi")


@pytest.fixture
def partnership(programme, laarne, ouinhi):
    return PartnershipFactory(programme=programme, north=laarne, south=ouinhi)


@pytest.fixture
def other_partnership(programme):
    return PartnershipFactory(
        programme=programme,
        north=LocalGovernmentFactory(name="Schoten"),
        south=SouthLocalGovernmentFactory(name="Lalo"),
    )


@pytest.fixture
def focal_point(partnership, laarne):
    """Focal point of Laarne, the northern side of the partnership under test."""
    return MembershipFactory(
        user=UserFactory(username="focal@laarne.example", first_name="Lies"),
        local_government=laarne,
    ).user


@pytest.fixture
def team_member(partnership, laarne):
    return MembershipFactory(
        user=UserFactory(username="team@laarne.example"),
        local_government=laarne,
        role="team_member",
    ).user


@pytest.fixture
def partner_focal_point(partnership, ouinhi):
    """Focal point of Ouinhi, Laarne's partner."""
    return MembershipFactory(
        user=UserFactory(username="focal@ouinhi.example", first_name="Rodrigue", language="fr"),
        local_government=ouinhi,
    ).user


@pytest.fixture
def stranger(other_partnership):
    """Focal point of Schoten, a municipality of another partnership."""
    return MembershipFactory(
        user=UserFactory(username="focal@schoten.example"),
        local_government=other_partnership.north,
    ).user


@pytest.fixture
def consultant(partnership):
    user = UserFactory(username="consultant@example.org", first_name="Søren")
    partnership.consultants.add(user)
    return user


@pytest.fixture
def other_consultant(other_partnership):
    user = UserFactory(username="other-consultant@example.org")
    other_partnership.consultants.add(user)
    return user


@pytest.fixture
def staff(programme, partnership):
    user = UserFactory(username="staff@vvsg.example")
    programme.staff.add(user)
    return user


@pytest.fixture
def observer(ouinhi):
    """Observer of ANCB, the Beninese umbrella organisation."""
    user = UserFactory(username="observer@ancb.example")
    ouinhi.umbrella.observers.add(user)
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin@example.org", is_superuser=True, is_staff=True)
