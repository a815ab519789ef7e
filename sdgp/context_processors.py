from django.utils.crypto import salted_hmac


def drafts(request):
    """An opaque, stable id of the signed-in person: static/js/app.js keeps their unsaved drafts
    under it and drops any other person's drafts from the browser."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "draft_owner": salted_hmac(
            "sdgp.drafts.owner", str(user.pk), algorithm="sha256"
        ).hexdigest()[:20]
    }


def navigation(request):
    """What the navigation bar offers this user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from partnerships.access import Access
    from partnerships.models import LocalGovernment

    access = Access.of(user)
    if user.is_superuser:
        own = LocalGovernment.objects.of_member(user)
    else:
        # The request has read the user's municipalities already: no query for those with none.
        own = LocalGovernment.objects.filter(pk__in=access.member_of) if access.member_of else ()
    return {
        "nav_local_governments": own,
        "nav_is_staff": user.is_superuser or bool(access.staff_of),
        # Consultants and staff follow the learning cycle on the dashboard.
        "nav_follows_cycle": user.is_superuser
        or bool(access.staff_of or access.coached_partnerships),
    }
