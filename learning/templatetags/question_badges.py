"""The badges of learning questions, drawn in Python: `{% sdg_badges question %}` (its SDG tags)
and `{% subquestion_badges subquestion %}` (priority and answer status); and for the PDF the
same words as plain text, `{% sdg_labels question %}` and `{% subquestion_labels subquestion %}`.
`{% wording_meta question %}`: when a wording was written, what led to it, and how it ended.

A table lists a hundred questions and three times as many sub-questions. A badge depends only on
a few values and the language, so each is drawn once and then reused: an include per badge cost
more than the rest of the page's markup."""

from functools import lru_cache

from django import template
from django.template.defaultfilters import date
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from learning import sdg
from learning.tools.learning_questions.models import PRIORITY_SHORT, SubQuestion

register = template.Library()

PRIORITY_LABEL = dict(SubQuestion.Priority.choices)
PRIORITY_CLASS = {"must": "text-bg-danger", "like": "text-bg-warning"}
ANSWER_STATUS_LABEL = dict(SubQuestion.AnswerStatus.choices)
ANSWER_STATUS_CLASS = {"answered": "text-bg-success", "partly": "text-bg-primary"}


@lru_cache(maxsize=1024)
def sdg_badge(goal, target, language):
    """A goal's or a target's badge, coloured by goal, in the active language (`language` keys
    the cache)."""
    return format_html(
        '<span class="badge sdg-badge sdg-goal-{} me-1" title="{}">{}</span>',
        goal,
        sdg.get_goal(goal),
        sdg_label(goal, target),
    )


def sdg_label(goal, target):
    if target:
        return _("SDG target %(target)s") % {"target": target}
    return _("SDG %(number)s") % {"number": goal}


@lru_cache(maxsize=64)
def subquestion_badge(priority, answer_status, language):
    """Priority and answer status badges, in the active language (`language` keys the cache)."""
    status = format_html(
        '<span class="badge answer-status answer-status-{} {}">{}</span>',
        answer_status,
        ANSWER_STATUS_CLASS.get(answer_status, "text-bg-light border"),
        ANSWER_STATUS_LABEL.get(answer_status, answer_status),
    )
    if not priority:
        return status
    return format_html(
        '<span class="badge priority priority-{} {}" title="{}">{}</span>\n{}',
        priority,
        PRIORITY_CLASS.get(priority, "text-bg-info"),
        PRIORITY_LABEL.get(priority, priority),
        PRIORITY_SHORT.get(priority, ""),
        status,
    )


@register.simple_tag
def sdg_badges(question):
    """One badge per SDG tag of the question (prefetch its `sdg_tags`)."""
    language = get_language()
    return mark_safe(
        "".join(sdg_badge(tag.goal, tag.target, language) for tag in question.sdg_tags.all())
    )


@register.simple_tag
def subquestion_badges(subquestion):
    """The sub-question's priority, if it has one, and how far it is answered."""
    return subquestion_badge(subquestion.priority, subquestion.answer_status, get_language())


@register.simple_tag
def subquestion_items(subquestions):
    """A list item per sub-question: its text and badges (a loop drawn in Python)."""
    language = get_language()
    return format_html_join(
        "",
        "<li>{} {}</li>",
        (
            (sub.text, subquestion_badge(sub.priority, sub.answer_status, language))
            for sub in subquestions
        ),
    )


@register.simple_tag
def sdg_labels(question):
    """The question's SDG tags as text (prefetch its `sdg_tags`)."""
    return " · ".join(sdg_label(tag.goal, tag.target) for tag in question.sdg_tags.all())


@register.simple_tag
def subquestion_labels(subquestion):
    """The sub-question's priority, if it has one, and how far it is answered, as text."""
    status = ANSWER_STATUS_LABEL.get(subquestion.answer_status, subquestion.answer_status)
    if not subquestion.priority:
        return status
    return f"{PRIORITY_SHORT.get(subquestion.priority, '')} · {status}"


@register.simple_tag
def wording_meta(question):
    """When a wording was written, what led to it, and how it ended (a timeline shows one per
    wording)."""
    status = question.status
    if status == "replaced":
        ended = " · " + _("reformulated on %(date)s") % {
            "date": conditional_escape(date(question.ended_date, "DATE_FORMAT"))
        }
    elif status == "dropped":
        ended = " · " + _("dropped on %(date)s") % {
            "date": conditional_escape(date(question.ended_date, "DATE_FORMAT"))
        }
    else:
        ended = ""
    return format_html(
        '<span class="wording-meta small text-body-secondary">\n'
        '  <time datetime="{}">{}</time>\n'
        "  {}{}\n"
        "  {}\n"
        "</span>\n",
        date(question.changed_date, "Y-m-d"),
        date(question.changed_date, "DATE_FORMAT"),
        format_html(" · {}", question.get_trigger_display()) if question.trigger else "",
        format_html(" ({})", question.trigger_note) if question.trigger_note else "",
        mark_safe(ended),  # noqa: S308 (the date is escaped, the words are ours)
    )
