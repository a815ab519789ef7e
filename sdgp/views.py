from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from learning import files
from partnerships.access import Access
from partnerships.models import LocalGovernment, Partnership, Programme


def home(request):
    """Each role lands where its work is."""
    user = request.user
    access = Access.of(user)
    partnerships = Partnership.objects.visible_to(user).with_sides()
    own = list(LocalGovernment.objects.of_member(user).select_related("country"))
    if len(own) == 1 and not access.superuser and not access.staff_of:
        # A focal point or team member: their municipality and its partnership(s).
        return render(
            request,
            "home/member.html",
            {
                "local_government": own[0],
                "partnerships": partnerships.of_local_government(own[0]),
            },
        )
    if access.superuser or access.staff_of:
        programmes = Programme.objects.visible_to(user)
        return render(
            request,
            "home/staff.html",
            {
                "programmes": programmes,
                "partnerships": partnerships,
                "status_counts": _counts(partnerships),
            },
        )
    if access.coached_partnerships:
        return render(
            request, "home/consultant.html", {"partnerships": partnerships.coached_by(user)}
        )
    return render(
        request,
        "home/observer.html",
        {"partnerships": partnerships, "local_governments": own},
    )


def _counts(partnerships):
    counts = {}
    for partnership in partnerships:
        counts[partnership.get_status_display()] = (
            counts.get(partnership.get_status_display(), 0) + 1
        )
    return counts


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
