"""An action's status badge, drawn in Python: `{% action_status_badge action %}`. The action plan
and the applied actions show one per action, where an include per badge cost more than the rest
of the row (as learning's `status_badge` for sheets)."""

from django import template
from django.utils.html import format_html

register = template.Library()

STATUS_CLASS = {"done": "success", "in_progress": "primary", "planned": "secondary"}


@register.simple_tag
def action_status_badge(action):
    return format_html(
        '<span class="badge action-status action-status-{} text-bg-{}">{}</span>',
        action.status,
        STATUS_CLASS.get(action.status, "warning"),
        action.get_status_display(),
    )
