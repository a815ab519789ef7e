"""The reports app's section on the partnership and municipality pages (see
partnerships/panels.py): a button to start the final report, for those who may."""

from partnerships.panels import Panel, register

TEMPLATE = "reports/includes/report_links.html"


@register("partnership")
def partnership_report(*, user, obj):
    links = []
    if user.has_perm("reports.add_partnership_report", obj):
        links.append(("partnership", obj))
    if user.has_perm("reports.add_programme_report", obj.programme):
        links.append(("programme", obj.programme))
    return Panel(TEMPLATE, {"report_links": links}) if links else None


@register("local_government")
def local_government_report(*, user, obj):
    if not user.has_perm("reports.add_local_government_report", obj):
        return None
    return Panel(TEMPLATE, {"report_links": [("local_government", obj)]})
