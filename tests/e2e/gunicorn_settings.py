"""The production settings (DEBUG off), but with plain static file URLs: the gunicorn test
runs without collecting static files."""

from sdgp.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
