"""The table of contents: each numbered chapter and part with its page (WeasyPrint's
`target-counter`, see static/css/report.css)."""

from django.utils.translation import gettext_lazy as _

from .base import Section, register


class Contents(Section):
    slug = "contents"
    title = _("Table of contents")
    order = 5
    numbered = False
    front = True


register(Contents())
