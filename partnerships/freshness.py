"""A token for the data as it stands: it changes whenever the data changes, so that what is read
from much of it can be kept in the cache until then (`kept`), CACHE_SECONDS at most: the needs
at the top of a home (sdgp/needs.py), and the pages' parts that the `{% kept %}` tag keeps
rendered (partnerships/templatetags/kept.py), such as a tool's sheet on its read page, the
question, partnership, municipality, visit and programme pages and the dashboard. Those pages
hand their data to the template to be read only when it shows (`lazily`).

Saving or deleting an object of one of the app's own models, or changing its many-to-many
relations, changes the token: at once, and again once the transaction commits, so that what a
reader computed from the data as it was before the commit is kept under a token nobody asks for
any more. Writes that send no signal (`QuerySet.update`, `bulk_create`) are covered where they
happen: the end of a request that may write (any method but GET, HEAD and OPTIONS,
`FreshnessMiddleware`), the end of a Celery task, and `notify()`, which writes notifications in
bulk, call `changed()`. What is kept also expires, as the days and weeks it counts go by.

The token is kept per database, so that two databases on one cache never share what is kept.
"""

import uuid
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.generic.base import ContextMixin
from django.views.generic.list import MultipleObjectMixin

# The apps whose data the token follows, and the models left out: a report job writes its
# progress every second while it is built, and nothing kept depends on it.
APPS = {"partnerships", "learning", "visits", "coaching", "reports"}
IGNORED = {"reports.reportjob"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def _key():
    return f"freshness:{settings.DATABASES['default']['NAME']}"


def token():
    """The token of the data as it stands now."""
    value = cache.get(_key())
    if value is None:
        cache.add(_key(), uuid.uuid4().hex, None)
        value = cache.get(_key())
    return value


def kept(name, parts, read):
    """What `read()` returns, kept in the cache while the data has not changed since, for
    CACHE_SECONDS at most (read each time with 0): per `name`, `parts` (whose it is, what of
    it), the active language, time zone and the reader's day, which it may name, show and
    count in."""
    seconds = settings.CACHE_SECONDS
    if not seconds:
        return read()
    reader = (get_language(), timezone.get_current_timezone_name(), timezone.localdate())
    key = ":".join(str(part) for part in (name, token(), *parts, *reader))
    value = cache.get(key)
    if value is None:
        value = read()
        cache.set(key, value, seconds)
    return value


def lazily(read, names):
    """A template context whose `names` are read by one call of `read()` (a dict, which may
    leave a name out: None), made when the template first asks for one of them: a page does
    not read what its kept fragment shows."""
    context = SimpleLazyObject(read)
    return {name: partial(_get, context, name) for name in names}


def _get(context, name):
    return context.get(name)


class LazyListMixin:
    """For a ListView whose template keeps its rendered list (`{% kept %}`): the list, its
    pagination and what `list_context()` adds beside it are read only when the template shows
    them (`lazily`)."""

    # The names `list_context` returns.
    list_names = ()

    def list_context(self, context):
        """What the page shows beside the list, given the list's context."""
        return {}

    def get_context_data(self, **kwargs):
        listed = self.get_context_object_name(self.object_list)
        names = ("paginator", "page_obj", "is_paginated", "object_list", listed, *self.list_names)

        def read():
            context = MultipleObjectMixin.get_context_data(self)
            return {**context, **self.list_context(context)}

        return ContextMixin.get_context_data(self, **lazily(read, names), **kwargs)


def changed(using=None):
    """Note that the data changed: a new token now, and another once the transaction commits."""
    renew()
    transaction.on_commit(renew, using=using)


def renew():
    cache.set(_key(), uuid.uuid4().hex, None)


def _followed(model):
    return model._meta.app_label in APPS and model._meta.label_lower not in IGNORED


def _saved_or_deleted(sender, using=None, **kwargs):
    if _followed(sender):
        changed(using)


def _relations_changed(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and _followed(type(instance)):
        changed(using)


def connect():
    """Follow the app's models (called once, from PartnershipsConfig.ready)."""
    post_save.connect(_saved_or_deleted, dispatch_uid="freshness-save")
    post_delete.connect(_saved_or_deleted, dispatch_uid="freshness-delete")
    m2m_changed.connect(_relations_changed, dispatch_uid="freshness-relations")


class FreshnessMiddleware:
    """A request that may have written (any method but GET, HEAD and OPTIONS) changes the
    token once it is answered: some writes send no signal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            changed()
        return response
