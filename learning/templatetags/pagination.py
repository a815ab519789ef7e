"""`{% page_querystring number param %}`: the query string of another page of a list whose page
number is not called "page" (a page with two lists gives each its own)."""

from django import template
from django.template.defaulttags import querystring

register = template.Library()


@register.simple_tag(takes_context=True)
def page_querystring(context, number, param="page"):
    """`{% querystring %}` with `param` set to `number`: the rest of the query string stays."""
    return querystring(context, **{param: number})
