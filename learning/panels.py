"""The learning app's sections on the partnership and municipality pages (see
partnerships/panels.py): the tools at a glance and the links to the exchange."""

from partnerships.models import LocalGovernment
from partnerships.panels import Panel, register

from .views.overview import tools_overview


@register("partnership")
def partnership_tools(*, user, obj):
    steps = tools_overview(user=user, local_governments=obj.sides, programme=obj.programme)
    return Panel("learning/includes/tools_section.html", {"steps": steps})


@register("partnership")
def exchange_links(*, user, obj):
    # A municipality's evolution page belongs with its page: linked for those who read it.
    readable = LocalGovernment.objects.visible_to(user).filter(pk__in=[s.pk for s in obj.sides])
    return Panel(
        "learning/exchange/includes/partnership_links.html",
        {"partnership": obj, "evolution_sides": [s for s in obj.sides if s in set(readable)]},
    )


@register("local_government")
def local_government_tools(*, user, obj):
    return Panel(
        "learning/includes/tools_section.html",
        {"steps": tools_overview(user=user, local_governments=[obj])},
    )
