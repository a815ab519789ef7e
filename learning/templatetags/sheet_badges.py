"""A sheet's status badge, drawn in Python: `{% status_badge sheet %}`. The tools of a
partnership and the tool lists show one per sheet, where an include per badge cost more than the
rest of the row."""

from django import template
from django.utils.html import format_html

register = template.Library()

STATUS_CLASS = {
    "reviewed": "text-bg-success",
    "shared": "text-bg-primary",
    "returned": "text-bg-warning",
    "changed": "text-bg-info",
}


@register.simple_tag
def status_badge(sheet):
    return format_html(
        '<span class="badge sheet-status sheet-status-{} {}">{}</span>',
        sheet.status,
        STATUS_CLASS.get(sheet.status, "text-bg-secondary"),
        sheet.get_status_display(),
    )
