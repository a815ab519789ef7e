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
