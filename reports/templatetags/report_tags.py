"""What the report's templates need beyond Django's own tags."""

from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag
def sheet_partial(entry):
    """A filled-in tool's partial (`entry`: its `tool` and `context`, see
    reports/sections/appendices.py), laid out as in the sheet's PDF."""
    return render_to_string(entry["tool"].template, entry["context"])
