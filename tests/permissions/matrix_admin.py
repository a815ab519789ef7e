"""The Django admin, every one of its URL patterns (named or not): it is for superusers only.

Programme staff, though `is_staff` and in the staff group as the app makes them, get no admin
page, nor does anyone else: a redirect to the admin's log-in page or 403. The rows are built
from the URL patterns themselves, so a model registered tomorrow is covered without a new row;
each pattern is opened on an object of the world the other programme must not reach (Laarne's
programme-A drafts, programme B's comment, Laarne's focal point...).
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType

from partnerships.models import (
    Country,
    LearningTheme,
    LocalGovernment,
    Membership,
    Partnership,
    PartnershipStatusChange,
    Programme,
    UmbrellaOrganisation,
    User,
)
from tests.permissions.matrix import ADMIN_REFUSES, ROLES, Row
from tests.permissions.urls import patterns


def admin_object(w, model):
    """The world's object of `model` that the admin rows open."""
    from django.contrib.auth.models import Group

    from learning.models import Comment

    for sheet in w.draft_a.values():
        if isinstance(sheet, model):
            return sheet
    chosen = {
        User: lambda: w.focal_point,
        Membership: lambda: w.focal_point.memberships.get(),
        LocalGovernment: lambda: w.laarne,
        Partnership: lambda: w.partnership,
        Programme: lambda: w.programme,
        PartnershipStatusChange: lambda: w.status_change,
        Country: lambda: w.laarne.country,
        UmbrellaOrganisation: lambda: w.ouinhi.umbrella,
        LearningTheme: lambda: w.theme,
        Group: lambda: Group.objects.get(name="Programme staff"),
        Comment: lambda: w.comment_b,
    }
    if model in chosen:
        return chosen[model]()
    found = model._default_manager.order_by("pk").first()
    assert found is not None, f"The world has no {model.__name__} for the admin rows"
    return found


def model_of(pattern):
    """The model of a ModelAdmin's pattern, from its place under admin/<app>/<model>/."""
    parts = pattern.route.split("/")
    for model in admin.site._registry:
        if parts[1:3] == [model._meta.app_label, model._meta.model_name]:
            return model
    return None


def arguments(pattern):
    """(args, kwargs) of the path of `pattern`, as a callable of the world."""

    def build(w):
        model = model_of(pattern)
        obj = admin_object(w, model) if model else None
        kwargs = {}
        for name in pattern.names:
            if pattern.key == "admin:view_on_site" and name == "object_id":
                kwargs[name] = w.draft_a["swot"].pk
            elif name in ("object_id", "id"):
                kwargs[name] = obj.pk
            elif name == "content_type_id":
                kwargs[name] = ContentType.objects.get_for_model(type(w.draft_a["swot"])).pk
            elif name == "app_label":
                kwargs[name] = "learning"
            elif name == "url":
                kwargs[name] = "no-such-page/"
            else:
                raise AssertionError(f"No value for <{name}> in {pattern.route}")
        args = []
        if pattern.positional:
            # simple-history's revert form: the object and one of its historical records.
            assert pattern.positional == 2, pattern.route
            args = [obj.pk, obj.history.order_by("history_id").first().history_id]
        return args, kwargs

    return build


# What the superuser gets: a page, but where the admin says otherwise.
SUPERUSER = {
    "admin:login": 302,
    "admin:logout": 302,
    "admin:view_on_site": 302,
    "admin:autocomplete": 403,
    "route:admin/(?P<url>.*)$": 404,
    "admin:partnerships_localgovernment_process_import": 405,
    # Status changes are recorded on the partnership page only.
    "admin:partnerships_partnershipstatuschange_add": 403,
}


def superuser_code(pattern):
    if pattern.key in SUPERUSER:
        return SUPERUSER[pattern.key]
    if pattern.key.startswith("route:admin/") and pattern.route.endswith("<path:object_id>/"):
        # The old change URL, redirected to the change page.
        return 302
    return 200


def expect(pattern):
    refused = dict.fromkeys(ROLES, ADMIN_REFUSES)
    if pattern.key == "admin:login":
        # No log-in form of its own: the anonymous visitor goes to the site's (throttled) one,
        # whoever is logged in and may not use the admin gets 403, the superuser the index.
        return {**dict.fromkeys(ROLES, 403), "anonymous": 302, "superuser": 302}
    return {**refused, "superuser": superuser_code(pattern)}


def url(pattern):
    build = arguments(pattern)

    def path(w):
        args, kwargs = build(w)
        return pattern.path(*args, **kwargs)

    return path


ROWS = [
    Row(
        pattern.key,
        method="post" if pattern.key == "admin:logout" else "get",
        url=url(pattern),
        expect=expect(pattern),
    )
    for pattern in patterns()
    if pattern.namespace == "admin" or pattern.route.startswith("admin/")
]
