"""`{{ widget.attrs|html_attrs }}`: a widget's HTML attributes in one step, as Django's
django/forms/widgets/attrs.html writes them (` name="value"`; True alone, False left out)
without a template loop per attribute: a long formset renders hundreds of widgets."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def html_attrs(attrs):
    return mark_safe(
        "".join(
            f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
            for name, value in attrs.items()
            if value is not False
        )
    )
