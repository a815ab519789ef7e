"""Filters of the widget templates (templates/django/forms/widgets/) that write in one step what
Django's own templates write with a template loop: a long formset renders hundreds of widgets,
and each loop turn of the template engine costs as much as writing a whole select in Python.

- `{{ widget.attrs|html_attrs }}`: a widget's HTML attributes as Django's attrs.html writes
  them (` name="value"`; True alone, False left out);
- `{{ widget.optgroups|html_options }}`: a select's options (and option groups) as Django's
  select.html and select_option.html write them (labels localized and escaped as `{{ }}` does).
"""

from html import escape

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


def _attrs(attrs):
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


@register.filter
def html_attrs(attrs):
    return mark_safe(_attrs(attrs))


@register.filter
def html_options(optgroups):
    parts = []
    for group_name, options, _index in optgroups:
        if group_name:
            parts.append(f'<optgroup label="{conditional_escape(localize(group_name))}">')
        parts.extend(
            f'<option value="{escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
            f"{conditional_escape(localize(option['label']))}</option>"
            for option in options
        )
        if group_name:
            parts.append("</optgroup>")
    return mark_safe("".join(parts))
