"""`{{ value|web_link }}`: a link for an http or https address, plain text for anything else
(a `javascript:` or `data:` address stored before validation, or imported, never becomes a
link)."""

from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html

from partnerships.validators import WEB_SCHEMES

register = template.Library()


def is_web_address(value):
    try:
        parts = urlsplit(str(value).strip())
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


@register.filter
def web_link(value):
    if not value:
        return ""
    if is_web_address(value):
        return format_html(
            '<a href="{}" rel="noopener noreferrer nofollow">{}</a>', str(value).strip(), value
        )
    return format_html("{}", value)
