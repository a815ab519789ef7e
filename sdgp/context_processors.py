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

    return {
        "nav_local_governments": LocalGovernment.objects.of_member(user),
        "nav_is_staff": user.is_superuser or bool(Access.of(user).staff_of),
    }
