"""The Celery app. Without REDIS_URL, tasks run inline (task_always_eager)."""

import os

from celery import Celery
from celery.signals import task_postrun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sdgp.settings")

app = Celery("sdgp")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_postrun.connect
def _data_may_have_changed(**kwargs):
    """A task may write without a signal (partnerships/freshness.py)."""
    from partnerships.freshness import changed

    changed()
