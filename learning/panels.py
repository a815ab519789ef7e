"""The learning app's sections on the partnership and municipality pages (see
partnerships/panels.py): the tools at a glance and the links to the exchange."""

from partnerships.panels import Panel, register

from .views.overview import tools_overview


@register("partnership")
def partnership_tools(*, user, obj):
    steps = tools_overview(user=user, local_governments=obj.sides, programme=obj.programme)
    return Panel("learning/includes/tools_section.html", {"steps": steps})


@register("partnership")
def exchange_links(*, user, obj):
    # The page's `readable_sides` says which sides' evolution pages the reader may open.
    return Panel("learning/exchange/includes/partnership_links.html", {"partnership": obj})


@register("local_government")
def local_government_tools(*, user, obj):
    return Panel(
        "learning/includes/tools_section.html",
        {"steps": tools_overview(user=user, local_governments=[obj])},
    )
