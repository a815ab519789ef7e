from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, When
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

from learning import files
from partnerships import freshness
from partnerships.access import Access
from partnerships.models import LocalGovernment, Partnership, Programme
from partnerships.views import own_navigation

from .needs import needs_of

# The partnerships a home page lists; the rest are a click away, a page at a time.
HOME_ROWS = 10


def home(request):
    """Each role lands where its work is: what needs them first (sdgp/needs.py), then their
    own partnerships, a bounded few of them, with a link to the full list. What the home shows
    is read when it shows it: not while the person's rendered home is kept (`{% kept %}` in
    the templates), until the data changes."""
    user = request.user
    access = Access.of(user)
    context = {}
    if len(access.member_of) == 1 and not access.staff_of:
        # A focal point or team member: their municipality and its partnership(s).
        own = LocalGovernment.objects.select_related("country").get(pk=[*access.member_of][0])
        template, read = "home/member.html", partial(_member_home, user, own)
        context = {"local_government": own, **own_navigation(user, [own])}
    elif access.superuser or access.staff_of:
        template, read = "home/staff.html", partial(_staff_home, user)
    elif access.coached_partnerships:
        template, read = "home/consultant.html", partial(_consultant_home, user, access)
    else:
        template, read = "home/observer.html", partial(_observer_home, user)
    return render(request, template, {**context, **freshness.lazily(read, HOME)})


# What the homes show, read when they show it.
HOME = (
    "needs",
    "programmes",
    "partnerships",
    "running",
    "ended",
    "more_partnerships",
    "status_counts",
)


def _member_home(user, own):
    partnerships = Partnership.objects.visible_to(user).as_rows()
    return {"needs": needs_of(user), "partnerships": partnerships.of_local_government(own)}


def _staff_home(user):
    partnerships = Partnership.objects.visible_to(user).as_rows()
    return {
        "needs": needs_of(user),
        "programmes": Programme.objects.visible_to(user),
        **_first(partnerships),
        "status_counts": _counts(partnerships),
    }


def _consultant_home(user, access):
    # Those the access read as coached: the same as `coached_by(user)`, without its join.
    coached = Partnership.objects.visible_to(user).as_rows()
    coached = coached.filter(pk__one_of=access.coached_partnerships)
    return {"needs": needs_of(user), **_first(coached)}


def _observer_home(user):
    return {"needs": needs_of(user), **_first(Partnership.objects.visible_to(user).as_rows())}


# The statuses of partnerships still at work; the ended ones are listed after them, folded.
RUNNING = (
    Partnership.Status.PLANNED,
    Partnership.Status.ACTIVE,
    Partnership.Status.INTERRUPTED,
)


def _first(partnerships):
    """The first rows of `partnerships`, running ones first, and whether there are more than
    these; `running` and `ended` split them for the page."""
    running_first = Case(When(status__in=RUNNING, then=0), default=1)
    rows = list(partnerships.order_by(running_first, *Partnership._meta.ordering)[: HOME_ROWS + 1])
    shown = rows[:HOME_ROWS]
    return {
        "partnerships": shown,
        "running": [row for row in shown if row.status in RUNNING],
        "ended": [row for row in shown if row.status not in RUNNING],
        "more_partnerships": len(rows) > HOME_ROWS,
    }


def _counts(partnerships):
    """The number of partnerships in each status, in the order of the statuses."""
    counts = dict(partnerships.order_by().values_list("status").annotate(count=Count("pk")))
    return {
        str(label): counts[value] for value, label in Partnership.Status.choices if value in counts
    }


@login_not_required
@require_GET
@never_cache
def healthz(request):
    """200 when the database (and Redis, when configured) answer; 503 otherwise."""
    from django.conf import settings

    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # noqa: BLE001  (any failure means "down")
        checks["database"] = f"error: {error.__class__.__name__}"
    if settings.REDIS_URL:
        try:
            cache.set("healthz", "ok", 5)
            checks["redis"] = "ok" if cache.get("healthz") == "ok" else "error: no answer"
        except Exception as error:  # noqa: BLE001
            checks["redis"] = f"error: {error.__class__.__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )


@require_GET
def media(request, path):
    """An uploaded image or thumbnail, for those who may see the object that holds it now.

    The name is looked up among the objects the reader may see (learning.files), never on
    disk: a replaced or deleted image, a private attachment or a path trick answers 404."""
    field_file = files.find_served_file(request.user, path)
    if field_file is None:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=files.content_type(field_file.name))
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_not_required
@require_safe
def favicon(request):
    """Browsers and bookmarks ask for /favicon.ico: the icon that base.html links."""
    return HttpResponseRedirect(static("favicon.svg"))
