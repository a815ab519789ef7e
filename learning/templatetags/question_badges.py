"""The badges of learning questions, drawn in Python: `{% sdg_badges question %}` (its SDG tags)
and `{% subquestion_badges subquestion %}` (priority and answer status).

A table lists a hundred questions and three times as many sub-questions; an include per badge
cost more than the rest of the page's markup, a tag costs a string format."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()

PRIORITY_CLASS = {"must": "text-bg-danger", "like": "text-bg-warning"}
ANSWER_STATUS_CLASS = {"answered": "text-bg-success", "partly": "text-bg-primary"}


def sdg_badge_values(question):
    for tag in question.sdg_tags.all():
        goal = tag.sdg_goal
        if tag.target:
            label = _("SDG target %(target)s") % {"target": tag.target}
        else:
            label = _("SDG %(number)s") % {"number": tag.goal}
        yield goal.number, goal, label


@register.simple_tag
def sdg_badges(question):
    """One badge per SDG tag of the question (prefetch its `sdg_tags`), coloured by goal."""
    return format_html_join(
        "",
        '<span class="badge sdg-badge sdg-goal-{} me-1" title="{}">{}</span>',
        sdg_badge_values(question),
    )


@register.simple_tag
def subquestion_badges(subquestion):
    """The sub-question's priority, if it has one, and how far it is answered."""
    status = format_html(
        '<span class="badge answer-status answer-status-{} {}">{}</span>',
        subquestion.answer_status,
        ANSWER_STATUS_CLASS.get(subquestion.answer_status, "text-bg-light border"),
        subquestion.get_answer_status_display(),
    )
    if not subquestion.priority:
        return status
    return format_html(
        '<span class="badge priority priority-{} {}" title="{}">{}</span>\n{}',
        subquestion.priority,
        PRIORITY_CLASS.get(subquestion.priority, "text-bg-info"),
        subquestion.get_priority_display(),
        subquestion.priority_label,
        status,
    )
