"""The meetings' sections on the partnership and municipality pages (see
partnerships/panels.py): the latest meetings about them."""

from django.db.models import Q

from partnerships.panels import Panel, register

from .models import Meeting

SHOWN = 5


def meetings_panel(meetings, programme):
    meetings = list(
        meetings.select_related(
            "partnership__north", "partnership__south", "local_government"
        ).order_by("-starts_at")[:SHOWN]
    )
    return Panel(
        "coaching/includes/meetings_section.html", {"meetings": meetings, "programme": programme}
    )


@register("partnership")
def partnership_meetings(*, user, obj):
    sides = (obj.north_id, obj.south_id)
    meetings = Meeting.objects.visible_to(user).filter(
        Q(partnership=obj) | Q(local_government__in=sides, programme=obj.programme_id)
    )
    return meetings_panel(meetings, obj.programme)


@register("local_government")
def local_government_meetings(*, user, obj):
    meetings = Meeting.objects.visible_to(user).filter(
        Q(local_government=obj) | Q(partnership__north=obj) | Q(partnership__south=obj)
    )
    meetings = list(
        meetings.select_related(
            "programme", "partnership__north", "partnership__south", "local_government"
        ).order_by("-starts_at")[:SHOWN]
    )
    if not meetings:
        return None
    return Panel(
        "coaching/includes/meetings_section.html",
        {"meetings": meetings, "programme": meetings[0].programme},
    )
