"""Times in each reader's zone: their municipality's country's, else the site's (TIME_ZONE).

The zone is read once, when the person logs in, and kept in their session: a page costs no
query for it. `zone_of(user)` serves the mails, feeds and tasks that have no request.
"""

import zoneinfo

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.utils import timezone

SESSION_KEY = "time_zone"


def zone_name_of(user):
    """The name of `user`'s zone: their first municipality's country's, else the site's."""
    from partnerships.models import Membership

    name = (
        Membership.objects.filter(user=user)
        .exclude(local_government__country__time_zone="")
        .order_by("pk")
        .values_list("local_government__country__time_zone", flat=True)
        .first()
    )
    return name or settings.TIME_ZONE


def zone_of(user):
    return _zone(zone_name_of(user))


def zones_of(users):
    """`{user id: zone}` for several people, as `zone_of` gives each, in one query."""
    from partnerships.models import Membership

    names = {}
    rows = (
        Membership.objects.filter(user__in=[user.pk for user in users])
        .exclude(local_government__country__time_zone="")
        .order_by("pk")
        .values_list("user", "local_government__country__time_zone")
    )
    for user, name in rows:
        names.setdefault(user, name)
    return {user.pk: _zone(names.get(user.pk) or settings.TIME_ZONE) for user in users}


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def remember_zone(sender, request, user, **kwargs):
    """On logging in: keep the person's zone in their session."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = zone_name_of(user)


user_logged_in.connect(remember_zone, dispatch_uid="coaching.remember_zone")


class TimeZoneMiddleware:
    """Shows dates and times in the signed-in reader's zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        name = request.session.get(SESSION_KEY)
        if name is None:  # a session from before the zone was kept
            name = request.session[SESSION_KEY] = zone_name_of(user)
        with timezone.override(_zone(name)):
            return self.get_response(request)
